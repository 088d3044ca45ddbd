package dev.vad.common.wire;

import java.nio.charset.StandardCharsets;

/**
 * Binary codec of {@link Reconstruction}, version 1 (the frame codec's family).
 *
 * <pre>
 * magic "VADR" | version u8 = 1 | pixel format u8
 * stream id (i32 length + UTF-8) | sequence i64 | model name (i32 length + UTF-8) | model version i64
 * frame count i32 | width i32 | height i32 | frame indices i64 x count
 * pixels: count x height x width x channels bytes | error map: f32 x count x height x width
 * </pre>
 */
public final class ReconstructionCodec implements WireCodec<Reconstruction> {

    static final byte[] MAGIC = "VADR".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final String TYPE = "reconstruction";

    private final WireLimits limits;

    public ReconstructionCodec(WireLimits limits) {
        this.limits = limits;
    }

    public ReconstructionCodec() {
        this(WireLimits.DEFAULT);
    }

    @Override
    public byte[] encode(Reconstruction r) {
        int count = r.frameCount();
        long size = 6L + BinaryWriter.textSize(r.streamId()) + 8 + BinaryWriter.textSize(r.modelName()) + 8 + 12
                + 8L * count + r.pixels().length + 4L * r.errorMap().length;
        return new BinaryWriter(size, TYPE, limits.maxRecordBytes())
                .header(MAGIC, VERSION)
                .u8(r.pixelFormat().wireId())
                .text(r.streamId())
                .i64(r.sequence())
                .text(r.modelName())
                .i64(r.modelVersion())
                .i32(count)
                .i32(r.width())
                .i32(r.height())
                .longs(r.frameIndices())
                .bytes(r.pixels())
                .floats(r.errorMap())
                .toBytes();
    }

    @Override
    public Reconstruction decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, TYPE, limits.maxRecordBytes());
        in.header(MAGIC, VERSION);
        PixelFormat format = PixelFormat.fromWireId(in.u8("pixel format"));
        String streamId = in.text("stream id", limits.maxTextBytes());
        long sequence = in.i64("sequence");
        String modelName = in.text("model name", limits.maxTextBytes());
        long modelVersion = in.i64("model version");
        int count = in.i32("frame count");
        int width = in.i32("width");
        int height = in.i32("height");
        limits.checkWindowShape(count, width, height, format.channels() + 4L);
        long[] indices = in.longs(count, "frame indices");
        byte[] pixels = in.bytes(count * width * height * format.channels(), "pixels");
        float[] errors = in.floats(count * width * height, "error map");
        in.end();
        try {
            return new Reconstruction(streamId, sequence, indices, modelName, modelVersion, width, height, format,
                    pixels, errors);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("inconsistent " + TYPE + " record: " + e.getMessage(), e);
        }
    }
}
