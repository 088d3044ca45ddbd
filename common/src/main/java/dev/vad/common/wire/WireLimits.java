package dev.vad.common.wire;

/**
 * Caps that decoders enforce before allocating anything, so a corrupt or hostile record cannot claim absurd sizes.
 *
 * @param maxRecordBytes   largest encoded record accepted (frames, reconstructions, dead letters)
 * @param maxModelBytes    largest encoded model artifact accepted
 * @param maxFrames        most frames in one window
 * @param maxSide          largest frame width or height in pixels
 * @param maxWindowPixelBytes largest {@code frames x height x width x channels} of one window
 * @param maxTextBytes     longest string field (stream ids, model names, reasons)
 */
public record WireLimits(
        int maxRecordBytes,
        int maxModelBytes,
        int maxFrames,
        int maxSide,
        long maxWindowPixelBytes,
        int maxTextBytes) {

    /** 256 MiB records, 1 GiB models, 4,096 frames, 16,384 pixels a side, 256 MiB of pixels, 64 KiB strings. */
    public static final WireLimits DEFAULT =
            new WireLimits(256 << 20, 1 << 30, 4096, 16_384, 256L << 20, 64 << 10);

    public WireLimits {
        if (maxRecordBytes <= 0 || maxModelBytes <= 0 || maxFrames <= 0 || maxSide <= 0
                || maxWindowPixelBytes <= 0 || maxTextBytes <= 0) {
            throw new IllegalArgumentException("every wire limit must be positive");
        }
    }

    /** Fails unless a window of the given shape fits the caps; computed in long arithmetic, before any allocation. */
    void checkWindowShape(long frames, long width, long height, long channels) {
        if (frames < 1 || frames > maxFrames) {
            throw new WireFormatException("frame count " + frames + " is outside 1.." + maxFrames);
        }
        if (width < 1 || height < 1 || width > maxSide || height > maxSide) {
            throw new WireFormatException("frame size " + width + "x" + height
                    + " is outside 1x1.." + maxSide + "x" + maxSide);
        }
        long bytes = frames * width * height * channels;
        if (bytes > maxWindowPixelBytes) {
            throw new WireFormatException("window of " + frames + " frames of " + width + "x" + height + "x" + channels
                    + " needs " + bytes + " bytes, more than the cap of " + maxWindowPixelBytes);
        }
    }
}
