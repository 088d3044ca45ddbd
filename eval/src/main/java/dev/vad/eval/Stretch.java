package dev.vad.eval;

/**
 * The frames of a clip a pseudo-anomaly changes: {@code length} frames from {@code start}.
 *
 * @param start  the first changed frame (at least 1, so a normal frame comes before)
 * @param length how many frames are changed (at least 1, ending before the clip's last frame)
 */
record Stretch(int start, int length) {

    /** Clips shorter than this have no middle third with normal frames on both sides. */
    static final int MIN_FRAMES = 3;

    /** The middle third of a clip of {@code frames} frames. */
    static Stretch middleThird(int frames) {
        if (frames < MIN_FRAMES) {
            throw new IllegalArgumentException("a clip of " + frames + " frames is too short for a pseudo-anomaly;"
                    + " it needs at least " + MIN_FRAMES + " frames");
        }
        int length = frames / 3;
        return new Stretch((frames - length) / 2, length);
    }

    /** The frame after the last changed one. */
    int end() {
        return start + length;
    }

    boolean contains(int frame) {
        return frame >= start && frame < end();
    }
}
