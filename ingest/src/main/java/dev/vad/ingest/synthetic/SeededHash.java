package dev.vad.ingest.synthetic;

/**
 * Stateless pseudo-randomness: SplitMix64's finaliser over (seed, keys). Every random choice of the scene is a
 * hash of its seed and of what it is for, so any frame can be drawn without drawing the frames before it.
 */
final class SeededHash {

    /** Keys that keep the independent uses of one seed apart. */
    static final long BACKGROUND = 1;
    static final long WALKERS = 2;
    static final long SCHEDULE = 3;
    static final long ANOMALY = 4;
    static final long SENSOR = 5;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SeededHash() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The hash of {@code key} in the stream started by {@code base}. */
    static long next(long base, long key) {
        return mix(base + GOLDEN * (key + 1));
    }

    static long hash(long seed, long purpose, long key) {
        return next(next(seed, purpose), key);
    }

    /** A double in [0, 1) from the top 53 bits of a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A double in [0, 1) for the {@code index}-th draw from {@code base}. */
    static double unit(long base, long index) {
        return unit(next(base, index));
    }

    /** An int in [0, bound) for the {@code index}-th draw from {@code base}. */
    static int below(long base, long index, int bound) {
        return (int) (unit(base, index) * bound);
    }
}
