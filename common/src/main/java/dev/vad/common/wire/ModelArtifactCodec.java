package dev.vad.common.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Binary envelope of a {@link ModelArtifact}, version 1: readable header, opaque network, and a checksum so a
 * partly written or corrupted artifact is refused instead of loaded.
 *
 * <pre>
 * magic "VADM" | version u8 = 1
 * header: i32 length + UTF-8 JSON ({@link ModelHeader}, snake_case)
 * network: i32 length + bytes
 * CRC-32C of every byte before it, i32
 * </pre>
 */
public final class ModelArtifactCodec implements WireCodec<ModelArtifact> {

    static final byte[] MAGIC = "VADM".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final String TYPE = "model artifact";

    private final WireLimits limits;

    public ModelArtifactCodec(WireLimits limits) {
        this.limits = limits;
    }

    public ModelArtifactCodec() {
        this(WireLimits.DEFAULT);
    }

    @Override
    public byte[] encode(ModelArtifact artifact) {
        byte[] header;
        try {
            header = WireJson.MAPPER.writeValueAsBytes(artifact.header());
        } catch (JsonProcessingException e) {
            throw new WireFormatException("cannot write model header as JSON: " + e.getOriginalMessage(), e);
        }
        long size = 5L + 4 + header.length + 4 + artifact.network().length + 4;
        BinaryWriter out = new BinaryWriter(size, TYPE, limits.maxModelBytes())
                .header(MAGIC, VERSION)
                .blob(header)
                .blob(artifact.network());
        return out.i32((int) checksum(out.toBytesSoFar(), (int) size - 4)).toBytes();
    }

    @Override
    public ModelArtifact decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, TYPE, limits.maxModelBytes());
        in.header(MAGIC, VERSION);
        byte[] header = in.blob("header", limits.maxModelBytes());
        byte[] network = in.blob("network", limits.maxModelBytes());
        int stored = in.i32("checksum");
        in.end();
        int computed = (int) checksum(bytes, bytes.length - 4);
        if (stored != computed) {
            throw new WireFormatException("corrupt model artifact: expected checksum "
                    + Integer.toHexString(stored) + ", computed " + Integer.toHexString(computed));
        }
        return new ModelArtifact(parseHeader(header), network);
    }

    private static ModelHeader parseHeader(byte[] json) {
        try {
            return WireJson.MAPPER.readValue(json, ModelHeader.class);
        } catch (IOException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new WireFormatException("malformed model header: " + detail, e);
        }
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
