package dev.vad.common.wire;

import java.nio.charset.StandardCharsets;

/**
 * Binary codec of {@link FrameWindow}, version 1.
 *
 * <pre>
 * magic "VADW" | version u8 = 1 | flags u8 (bit 0: end of stream) | timestamp kind u8 | pixel format u8
 * stream id (i32 length + UTF-8) | sequence i64 | frames lost before i64
 * frame count i32 | width i32 | height i32
 * frame indices i64 x count | capture times (us) i64 x count
 * pixels: count x height x width x channels bytes
 * </pre>
 * All integers are big-endian. The shape is checked against {@link WireLimits} before any array is allocated.
 */
public final class FrameWindowCodec implements WireCodec<FrameWindow> {

    static final byte[] MAGIC = "VADW".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final String TYPE = "frame window";
    private static final int FLAG_END_OF_STREAM = 1;

    private final WireLimits limits;

    public FrameWindowCodec(WireLimits limits) {
        this.limits = limits;
    }

    public FrameWindowCodec() {
        this(WireLimits.DEFAULT);
    }

    @Override
    public byte[] encode(FrameWindow w) {
        int count = w.frameCount();
        long size = 8L + BinaryWriter.textSize(w.streamId()) + 16 + 12 + 16L * count + w.pixels().length;
        return new BinaryWriter(size, TYPE, limits.maxRecordBytes())
                .header(MAGIC, VERSION)
                .u8(w.endOfStream() ? FLAG_END_OF_STREAM : 0)
                .u8(w.timestampKind().wireId())
                .u8(w.pixelFormat().wireId())
                .text(w.streamId())
                .i64(w.sequence())
                .i64(w.framesLostBefore())
                .i32(count)
                .i32(w.width())
                .i32(w.height())
                .longs(w.frameIndices())
                .longs(w.captureTimesMicros())
                .bytes(w.pixels())
                .toBytes();
    }

    @Override
    public FrameWindow decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, TYPE, limits.maxRecordBytes());
        in.header(MAGIC, VERSION);
        int flags = in.u8("flags");
        TimestampKind timestampKind = TimestampKind.fromWireId(in.u8("timestamp kind"));
        PixelFormat format = PixelFormat.fromWireId(in.u8("pixel format"));
        String streamId = in.text("stream id", limits.maxTextBytes());
        long sequence = in.i64("sequence");
        long framesLost = in.i64("frames lost before");
        int count = in.i32("frame count");
        int width = in.i32("width");
        int height = in.i32("height");
        limits.checkWindowShape(count, width, height, format.channels());
        long[] indices = in.longs(count, "frame indices");
        long[] times = in.longs(count, "capture times");
        byte[] pixels = in.bytes(count * width * height * format.channels(), "pixels");
        in.end();
        try {
            return new FrameWindow(streamId, sequence, indices, times, timestampKind, framesLost,
                    (flags & FLAG_END_OF_STREAM) != 0, width, height, format, pixels);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("inconsistent " + TYPE + " record: " + e.getMessage(), e);
        }
    }
}
