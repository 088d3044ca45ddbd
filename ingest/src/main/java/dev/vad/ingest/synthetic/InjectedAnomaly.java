package dev.vad.ingest.synthetic;

/**
 * Ground truth: one anomaly a {@link SyntheticScene} draws, on every frame from {@code firstFrame} to
 * {@code lastFrame}, both inclusive.
 */
public record InjectedAnomaly(Kind kind, long firstFrame, long lastFrame) {

    /** What is abnormal. */
    public enum Kind {
        /** A large bright square cart with a dark cross, a shape no normal frame contains, moving along a lane. */
        ODD_SHAPE,
        /** A walker of normal look moving along a lane five times faster than walkers do. */
        FAST_OBJECT,
        /** A walker of normal look moving vertically, across the lanes, which walkers never do. */
        WRONG_DIRECTION,
        /** The whole frame suddenly much brighter (warm) or much darker (cold): a lighting or scene change. */
        GLOBAL_CHANGE
    }

    public InjectedAnomaly {
        if (kind == null || firstFrame < 0 || lastFrame < firstFrame) {
            throw new IllegalArgumentException("an injected anomaly needs a kind and 0 <= firstFrame <= lastFrame, found "
                    + kind + " [" + firstFrame + ", " + lastFrame + "]");
        }
    }

    public boolean covers(long frame) {
        return frame >= firstFrame && frame <= lastFrame;
    }

    public long lengthFrames() {
        return lastFrame - firstFrame + 1;
    }
}
