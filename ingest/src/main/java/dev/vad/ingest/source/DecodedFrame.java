package dev.vad.ingest.source;

/**
 * One decoded frame at the configured size and pixel format. The pixel array may be reused by the source for
 * the next frame: copy it if it must outlive the next call.
 *
 * @param pixels          row-major pixels, channels interleaved, no padding
 * @param timestampMicros stream time for files and folders, wall-clock microseconds since the epoch for live sources
 * @param position        the frame's place in its source when the source knows it (an image's index in its
 *                        folder, so images that fail to decode leave a gap), or -1
 */
public record DecodedFrame(byte[] pixels, long timestampMicros, long position) {

    /** A frame whose place in the source is simply the next one. */
    public DecodedFrame(byte[] pixels, long timestampMicros) {
        this(pixels, timestampMicros, -1);
    }
}
