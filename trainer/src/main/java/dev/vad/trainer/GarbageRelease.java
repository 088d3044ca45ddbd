package dev.vad.trainer;

import java.time.Duration;

/**
 * A full collection now and then, for a process that trains for hours. Training promotes short-lived objects (ND4J
 * arrays among them) into the old generation faster than the young collections can free them; until an
 * old-generation cycle finds them, their native memory stays allocated and the collector keeps enlarging the heap,
 * so a continual trainer's resident memory climbed for an hour. One full collection (tens of milliseconds at these
 * heap sizes) frees them and lets the heap shrink back. {@code -XX:+DisableExplicitGC} turns it off.
 */
final class GarbageRelease {
    private final long everyNanos;
    private long lastNanos;
    private boolean collected;

    /** @param every the least time between two collections */
    GarbageRelease(Duration every) {
        this.everyNanos = every.toNanos();
    }

    /** Collects unless the last collection was less than {@code every} ago. */
    void maybeCollect() {
        if (collected && System.nanoTime() - lastNanos < everyNanos) {
            return;
        }
        System.gc();
        lastNanos = System.nanoTime();
        collected = true;
    }
}
