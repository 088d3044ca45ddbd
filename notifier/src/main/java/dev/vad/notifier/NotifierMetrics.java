package dev.vad.notifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The notifier's metrics, each tagged with the sink ({@code webhook}, {@code mqtt}). They live here rather than in
 * the pipeline's {@code VadMetric} list, whose every entry must show data on the shipped dashboards while the demo
 * runs, and the demo runs no notifier. Dead letters are also counted by the shared {@code vad.dlq.records}
 * ({@code service=notifier}, by reason).
 */
public final class NotifierMetrics {

    /** Events a sink acknowledged. */
    public static final String DELIVERED = "vad.notifier.delivered";
    /** Attempts that did not deliver: errors, time-outs, refusals. */
    public static final String ATTEMPTS_FAILED = "vad.notifier.attempts.failed";
    /** Attempts made again after a failed one. */
    public static final String RETRIES = "vad.notifier.retries";
    /** Events a sink gave up on, sent to the dead-letter topic. */
    public static final String DEAD_LETTERED = "vad.notifier.dead.lettered";
    /** From an event's first attempt to the sink's acknowledgement, retries included. */
    public static final String DELIVERY_LATENCY = "vad.notifier.delivery.latency";
    /** Records read from the events topic. */
    public static final String EVENTS_CONSUMED = "vad.notifier.events.consumed";

    private final MeterRegistry registry;
    private final Counter consumed;

    public NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = Counter.builder(EVENTS_CONSUMED).description("Records read from the events topic")
                .register(registry);
    }

    /** Registers a sink's meters at zero, so they are scraped before its first event. */
    void register(String sink) {
        delivered(sink);
        counter(ATTEMPTS_FAILED, sink, "Delivery attempts that failed");
        counter(RETRIES, sink, "Delivery attempts made again after a failure");
        counter(DEAD_LETTERED, sink, "Events given up on and sent to the dead-letter topic");
        latency(sink);
    }

    void consumed() {
        consumed.increment();
    }

    void delivered(String sink, Duration took) {
        delivered(sink).increment();
        latency(sink).record(took);
    }

    void failed(String sink) {
        counter(ATTEMPTS_FAILED, sink, "Delivery attempts that failed").increment();
    }

    void retried(String sink) {
        counter(RETRIES, sink, "Delivery attempts made again after a failure").increment();
    }

    void deadLettered(String sink) {
        counter(DEAD_LETTERED, sink, "Events given up on and sent to the dead-letter topic").increment();
    }

    private Counter delivered(String sink) {
        return counter(DELIVERED, sink, "Events a sink acknowledged");
    }

    private Timer latency(String sink) {
        return Timer.builder(DELIVERY_LATENCY).description("From an event's first attempt to its acknowledgement")
                .tag("sink", sink).register(registry);
    }

    private Counter counter(String name, String sink, String description) {
        return Counter.builder(name).description(description).tag("sink", sink).register(registry);
    }
}
