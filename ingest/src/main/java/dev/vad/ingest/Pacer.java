package dev.vad.ingest;

import java.time.Clock;
import java.time.Duration;

/** Paces a file at its native frame rate (for demos): frame time t is released at start + (t - first t). */
final class Pacer {

    private final Clock clock;
    private final Sleeper sleeper;
    private long originWallMicros = Long.MIN_VALUE;
    private long originStreamMicros;

    Pacer(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    void await(long streamMicros) throws InterruptedException {
        long now = clock.millis() * 1000;
        if (originWallMicros == Long.MIN_VALUE || streamMicros < originStreamMicros) {
            originWallMicros = now;
            originStreamMicros = streamMicros;
            return;
        }
        long due = originWallMicros + (streamMicros - originStreamMicros);
        if (due > now) {
            sleeper.sleep(Duration.ofNanos((due - now) * 1000));
        }
    }
}
