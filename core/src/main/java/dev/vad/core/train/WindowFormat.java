package dev.vad.core.train;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.PixelFormat;

/** The shape of the windows one model learns: frames, frame size and pixel format. */
public record WindowFormat(int frames, int width, int height, PixelFormat format) {

    public static WindowFormat of(FrameWindow w) {
        return new WindowFormat(w.frameCount(), w.width(), w.height(), w.pixelFormat());
    }

    public static WindowFormat of(ModelHeader h) {
        return new WindowFormat(h.windowFrames(), h.frameWidth(), h.frameHeight(), h.pixelFormat());
    }

    public boolean matches(FrameWindow w) {
        return equals(of(w));
    }

    @Override
    public String toString() {
        return frames + " frames of " + width + "x" + height + " " + format;
    }
}
