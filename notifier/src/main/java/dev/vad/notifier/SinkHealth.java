package dev.vad.notifier;

import dev.vad.common.metrics.Health;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether each sink is taking events, for the notifier's {@code /health}: a sink that gave up on an event (its
 * retries ran out, or it refused the event) counts as failing until it next delivers one. Read by the metrics
 * server's thread while the delivering thread writes, so every method is synchronized.
 */
public final class SinkHealth {

    private final Map<String, String> failing = new TreeMap<>();

    /** {@code sink} acknowledged an event: it is healthy again. */
    synchronized void delivered(String sink) {
        failing.remove(sink);
    }

    /**
     * {@code sink} gave up on an event at {@code at}.
     *
     * @param reason the dead-letter reason ({@code webhook_undeliverable}, {@code mqtt_rejected}, ...)
     * @param detail what happened last
     */
    synchronized void gaveUp(String sink, Instant at, String reason, String detail) {
        failing.put(sink, sink + " gave up on an event at " + at + " (" + reason + "): " + detail);
    }

    /** Healthy while no sink is failing; otherwise unhealthy, with each failing sink's last give-up. */
    public synchronized Health health() {
        return failing.isEmpty() ? Health.ok() : Health.failing(String.join("; ", failing.values())
                + "; healthy again once it delivers");
    }
}
