package dev.vad.ingest.source;

import dev.vad.common.wire.PixelFormat;

/** The size and pixel format every frame is converted to, and how aspect ratios are reconciled. */
public record FrameGeometry(int width, int height, PixelFormat pixelFormat, AspectPolicy aspect) {

    public FrameGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, found " + width + "x" + height);
        }
        if (pixelFormat == PixelFormat.BGR24) {
            throw new IllegalArgumentException("ingest writes GRAY8 or RGB24 frames, found " + pixelFormat);
        }
    }

    public int frameBytes() {
        return width * height * pixelFormat.channels();
    }
}
