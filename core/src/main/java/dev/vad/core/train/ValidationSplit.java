package dev.vad.core.train;

/**
 * Which windows are held out for validation: a deterministic function of stream id and window sequence, so a
 * window lands on the same side in every run and after every restart, whatever order the records arrive in.
 *
 * @param everyNth one window in {@code everyNth} (by hash) goes to validation
 */
public record ValidationSplit(int everyNth) {

    public ValidationSplit {
        if (everyNth < 2) {
            throw new IllegalArgumentException("validation takes one window in n, n >= 2, found " + everyNth);
        }
    }

    public boolean isValidation(String streamId, long sequence) {
        long h = streamId.hashCode() * 0x9E3779B97F4A7C15L + sequence;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return Math.floorMod(h, everyNth) == 0;
    }
}
