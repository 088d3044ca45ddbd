package dev.vad.common.wire;

/** Layout of one pixel in a frame window's raw bytes; frames are stored row-major, channels interleaved. */
public enum PixelFormat {
    /** One byte per pixel, luma. */
    GRAY8(1, 1),
    /** Three bytes per pixel, red, green, blue. */
    RGB24(2, 3),
    /** Three bytes per pixel, blue, green, red (OpenCV's order). */
    BGR24(3, 3);

    private final int wireId;
    private final int channels;

    PixelFormat(int wireId, int channels) {
        this.wireId = wireId;
        this.channels = channels;
    }

    public int wireId() {
        return wireId;
    }

    public int channels() {
        return channels;
    }

    public static PixelFormat fromWireId(int id) {
        for (PixelFormat format : values()) {
            if (format.wireId == id) {
                return format;
            }
        }
        throw new WireFormatException("unknown pixel format id " + id + ", expected one of 1 (GRAY8), 2 (RGB24), 3 (BGR24)");
    }
}
