package dev.vad.eval;

import java.util.List;

/**
 * A clip's decoded grey frames: one byte per pixel, rows top to bottom, {@code width * height} bytes a frame.
 *
 * @param width  frame width in pixels
 * @param height frame height in pixels
 * @param frames the frames in order (not copied: treat them as read-only)
 */
record GreyFrames(int width, int height, List<byte[]> frames) {

    GreyFrames {
        frames = List.copyOf(frames);
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).length != width * height) {
                throw new IllegalArgumentException("frame " + i + " has " + frames.get(i).length + " bytes; a "
                        + width + " x " + height + " grey frame has " + width * height);
            }
        }
    }

    int size() {
        return frames.size();
    }

    byte[] frame(int index) {
        return frames.get(index);
    }
}
