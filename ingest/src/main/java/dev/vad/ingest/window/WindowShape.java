package dev.vad.ingest.window;

/**
 * Windows of {@code frames} frames, a new one every {@code stride} frames ({@code stride < frames} overlaps).
 */
public record WindowShape(int frames, int stride, TailPolicy tail) {

    public WindowShape {
        if (frames < 1 || stride < 1 || stride > frames) {
            throw new IllegalArgumentException("windows need 1 <= stride <= frames, found " + frames
                    + " frames with stride " + stride);
        }
    }
}
