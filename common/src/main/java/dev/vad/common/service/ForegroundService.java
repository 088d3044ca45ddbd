package dev.vad.common.service;

import dev.vad.common.metrics.Health;

/**
 * A service that runs on the caller's thread until it ends by itself or another thread asks it to stop.
 *
 * @param <T> how a run ended
 */
public interface ForegroundService<T> extends AutoCloseable {

    /** Runs until the work is done or {@link #close()} is called. */
    T run() throws InterruptedException;

    /** How the service is doing now, for {@code /health}; healthy unless the service knows better. */
    default Health health() {
        return Health.ok();
    }

    /** Asks {@link #run()} to stop and waits for it to end cleanly. */
    @Override
    void close();
}
