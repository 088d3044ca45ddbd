package dev.vad.notifier;

import java.time.Duration;

/** Waits between two attempts; the service's pause ends early when it is asked to stop. */
@FunctionalInterface
public interface Pause {

    /** Waits for {@code delay}; false when waiting was cut short because the service is stopping. */
    boolean await(Duration delay) throws InterruptedException;
}
