package dev.vad.ingest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for reconnecting live sources: attempt n waits
 * {@code min(max, initial * 2^n)}, scaled by a random factor in {@code [1 - jitter, 1 + jitter]}.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, found " + initial + " and " + max);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), found " + jitter);
        }
    }

    /** The wait before attempt {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt, RandomGenerator random) {
        double base = Math.min(max.toNanos(), initial.toNanos() * Math.pow(2, Math.min(attempt, 62)));
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(Math.round(Math.min(max.toNanos(), base * factor)));
    }
}
