package dev.vad.notifier;

import java.time.Duration;

/**
 * How often, and how far apart, a sink is tried with one event: {@code attempts} in all, the n-th failure followed
 * by a pause of {@code baseDelay * 2^(n-1)}, at most {@code maxDelay}. No jitter: one notifier delivers one event at
 * a time, so there is no herd of clients to spread out.
 *
 * @param attempts  tries in all, at least 1 (default 5)
 * @param baseDelay pause after the first failure (default 1 s)
 * @param maxDelay  longest pause between two tries (default 60 s)
 */
public record RetrySchedule(int attempts, Duration baseDelay, Duration maxDelay) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(5, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RetrySchedule {
        if (attempts < 1) {
            throw new IllegalArgumentException("a sink is tried at least once, found " + attempts + " attempts");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= base delay <= max delay, found " + baseDelay + " and "
                    + maxDelay);
        }
    }

    /** The pause after failed attempt {@code failed} (1 is the first) before the next one. */
    public Duration delayAfter(int failed) {
        if (failed < 1 || failed >= attempts) {
            throw new IllegalArgumentException("attempt " + failed + " of " + attempts + " is not followed by another");
        }
        // Doubling 62 times overflows a long of nanoseconds long before then; stop doubling once past the cap.
        Duration delay = baseDelay;
        for (int i = 1; i < failed && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The longest one event can take with a sink whose every attempt runs into {@code attemptTimeout}. */
    public Duration worstCase(Duration attemptTimeout) {
        Duration total = attemptTimeout.multipliedBy(attempts);
        for (int failed = 1; failed < attempts; failed++) {
            total = total.plus(delayAfter(failed));
        }
        return total;
    }
}
