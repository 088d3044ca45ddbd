package dev.vad.trainer;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.PixelFormat;

/** The shape of the windows one model learns: frames, frame size and pixel format. */
record WindowFormat(int frames, int width, int height, PixelFormat format) {

    static WindowFormat of(FrameWindow w) {
        return new WindowFormat(w.frameCount(), w.width(), w.height(), w.pixelFormat());
    }

    static WindowFormat of(ModelHeader h) {
        return new WindowFormat(h.windowFrames(), h.frameWidth(), h.frameHeight(), h.pixelFormat());
    }

    boolean matches(FrameWindow w) {
        return equals(of(w));
    }

    @Override
    public String toString() {
        return frames + " frames of " + width + "x" + height + " " + format;
    }
}
