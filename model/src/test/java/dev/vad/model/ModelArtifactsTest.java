package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.Normalisation;
import dev.vad.common.wire.PixelFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelArtifactsTest {

    private static final String FIXTURE = "tiny-compact-2d-v1.bin";
    private static final String FIXTURE_OUTPUT = "tiny-compact-2d-v1.output.bin";

    static ModelHeader header(int... inputShape) {
        return new ModelHeader("tiny", 1, "compact", inputShape.length - 1, "frame", inputShape, 1, 8, 8,
                PixelFormat.GRAY8, Normalisation.unitRange(), new TreeMap<>(Map.of("learning_rate", "0.001")), 7,
                List.of(), new TreeMap<>(), new TreeMap<>(), 1_700_000_000_000_000L);
    }

    static Autoencoder tinyModel() {
        return Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 7, 8, 8));
    }

    /** A fixed input: a diagonal ramp over 8x8. */
    static INDArray input() {
        INDArray x = Nd4j.create(DataType.FLOAT, 1, 1, 8, 8);
        for (int y = 0; y < 8; y++) {
            for (int col = 0; col < 8; col++) {
                x.putScalar(new long[] {0, 0, y, col}, (y + col) / 14f);
            }
        }
        return x;
    }

    @Test
    void anArtifactRoundTripsThroughTheWireWithIdenticalOutputs() {
        Autoencoder model = tinyModel();
        model.fit(input());
        ModelArtifactCodec codec = new ModelArtifactCodec();

        ModelArtifact decoded = codec.decode(codec.encode(ModelArtifacts.pack(model, header(1, 8, 8))));
        Autoencoder loaded = ModelArtifacts.unpack(decoded);

        assertThat(loaded.reconstruct(input())).isEqualTo(model.reconstruct(input()));
        assertThat(decoded.header().name()).isEqualTo("tiny");
    }

    @Test
    void packingRefusesAHeaderThatDescribesAnotherShape() {
        assertThatThrownBy(() -> ModelArtifacts.pack(tinyModel(), header(1, 16, 16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header of tiny@1 says input shape [1, 16, 16] but the network takes [1, 8, 8]");
    }

    @Test
    void unpackingRefusesANetworkThatDoesNotTakeTheDeclaredShape() {
        ModelArtifact lying = new ModelArtifact(header(1, 16, 16), tinyModel().toBytes());

        assertThatThrownBy(() -> ModelArtifacts.unpack(lying))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 8, 8]")
                .hasMessageContaining("[1, 16, 16]");
    }

    /** The committed artifact of a tiny model must load and reconstruct as it did when written. */
    @Test
    void theCommittedTinyModelStillLoadsAndReconstructsAsRecorded() throws IOException {
        ModelArtifact artifact = new ModelArtifactCodec().decode(resource(FIXTURE));
        float[] expected = new float[64];
        ByteBuffer.wrap(resource(FIXTURE_OUTPUT)).asFloatBuffer().get(expected);

        INDArray output = ModelArtifacts.unpack(artifact).reconstruct(input());

        assertThat(artifact.header().architecture()).isEqualTo("compact");
        assertThat(output.dup('c').data().asFloat()).as("same outputs, up to float rounding of another CPU")
                .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelArtifactsTest.class.getResourceAsStream("/fixtures/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Writes the fixtures of a new model format version (run by hand once; never overwrites). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Autoencoder model = tinyModel();
        for (int i = 0; i < 5; i++) {
            model.fit(input());
        }
        byte[] artifact = new ModelArtifactCodec().encode(ModelArtifacts.pack(model, header(1, 8, 8)));
        float[] output = model.reconstruct(input()).dup('c').data().asFloat();
        ByteBuffer out = ByteBuffer.allocate(4 * output.length);
        out.asFloatBuffer().put(output);
        if (!Files.exists(dir.resolve(FIXTURE))) {
            Files.write(dir.resolve(FIXTURE), artifact);
            Files.write(dir.resolve(FIXTURE_OUTPUT), out.array());
        }
    }
}
