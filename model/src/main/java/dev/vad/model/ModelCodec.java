package dev.vad.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The binary form of an {@link Autoencoder}: magic {@code VADM}, format version, the {@link ModelSpec} (preset id,
 * channels, spatial shape, learning rate, seed), then every named array (parameters and running statistics) in
 * ND4J's own array format, which keeps data type and bits. Reading rebuilds the graph from the spec and copies
 * the arrays in, so a loaded model computes exactly what the saved one did.
 *
 * <p>Version 2 has the same layout as version 1; it marks the 5D and 6D {@code compact} networks whose short axes
 * are not halved (see {@link CompactArchitecture}). Version 1 files of up to 4 axes read as before; a version 1
 * file of 5 or 6 axes holds a network of the earlier design, which this build would compute differently, so it
 * is refused.
 */
final class ModelCodec {
    static final int MAGIC = 0x5641444D;
    static final int VERSION = 2;

    private ModelCodec() {
    }

    static byte[] write(ModelSpec spec, Map<String, INDArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(spec.preset().id());
            out.writeInt(spec.channels());
            out.writeInt(spec.dimensions());
            for (int length : spec.spatialShape()) {
                out.writeInt(length);
            }
            out.writeDouble(spec.learningRate());
            out.writeLong(spec.seed());
            out.writeInt(arrays.size());
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                out.writeUTF(e.getKey());
                Nd4j.write(e.getValue(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise model", e);
        }
        return bytes.toByteArray();
    }

    static Autoencoder read(byte[] bytes, List<Integer> expectedInputShape) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException(String.format(
                        "not a vad model: expected magic 0x%08X (VADM), found 0x%08X", MAGIC, magic));
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException("unknown model format version " + version
                        + ", this build reads up to " + VERSION);
            }
            ModelSpec spec = readSpec(in);
            if (version == 1 && spec.dimensions() >= CompactArchitecture.SPARING_DIMENSIONS) {
                throw new IllegalArgumentException("model format version 1 holds a " + spec.dimensions()
                        + "D " + spec.preset().id() + " network of an earlier design (every axis halved by every"
                        + " convolution); this build computes " + spec.dimensions() + "D networks differently:"
                        + " train the model again");
            }
            if (expectedInputShape != null && !spec.inputShape().equals(expectedInputShape)) {
                throw new IllegalArgumentException("model input shape " + spec.inputShape()
                        + " does not match the expected input shape " + List.copyOf(expectedInputShape)
                        + " ([channels, spatial axes...]); use a model trained for this shape");
            }
            int count = in.readInt();
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                arrays.put(name, Nd4j.read(in));
            }
            Autoencoder model = Autoencoder.create(spec);
            model.load(arrays);
            return model;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt model bytes (" + bytes.length + " bytes): "
                    + e.getMessage(), e);
        }
    }

    private static ModelSpec readSpec(DataInputStream in) throws IOException {
        Preset preset = Preset.fromId(in.readUTF());
        int channels = in.readInt();
        int dimensions = in.readInt();
        if (dimensions < 1 || dimensions > 6) {
            throw new IllegalArgumentException("model header has " + dimensions + " spatial axes, expected 1-6");
        }
        Integer[] shape = new Integer[dimensions];
        for (int i = 0; i < dimensions; i++) {
            shape[i] = in.readInt();
        }
        double learningRate = in.readDouble();
        long seed = in.readLong();
        return new ModelSpec(preset, channels, List.of(shape), learningRate, seed);
    }
}
