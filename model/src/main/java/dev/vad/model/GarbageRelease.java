package dev.vad.model;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A full collection now and then, for a process that trains for hours. Training promotes short-lived objects (ND4J
 * arrays and SameDiff's per-op objects among them) into the old generation faster than the young collections can
 * free them; until an old-generation cycle finds them, their native memory stays allocated and the collector keeps
 * enlarging the heap (figures: docs/performance, 2026-11-30-trainer-memory-soaks). One full collection frees
 * them and lets the heap shrink back. The arrays of a
 * training step itself are the model's own, allocated once ({@link ExecutionPlan}), not freed by this.
 * {@link Autoencoder#fit} asks the process-wide instance after every step, so trainer, evaluation and benchmarks
 * behave alike; {@code -XX:+DisableExplicitGC} turns it off. Thread-safe.
 */
final class GarbageRelease {
    /** The instance every training step asks: at most one full collection a minute per process. */
    static final GarbageRelease PROCESS = new GarbageRelease(Duration.ofMinutes(1), System::nanoTime);

    private final long everyNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastNanos;

    /**
     * @param every     the least time between two collections (the first comes {@code every} after creation)
     * @param nanoClock a monotonic clock in nanoseconds
     */
    GarbageRelease(Duration every, LongSupplier nanoClock) {
        this.everyNanos = every.toNanos();
        this.nanoClock = nanoClock;
        this.lastNanos = new AtomicLong(nanoClock.getAsLong());
    }

    /** Collects if the last collection (or the creation) was at least {@code every} ago; returns whether it did. */
    boolean maybeCollect() {
        long last = lastNanos.get();
        long now = nanoClock.getAsLong();
        if (now - last < everyNanos || !lastNanos.compareAndSet(last, now)) {
            return false;
        }
        System.gc();
        return true;
    }
}
