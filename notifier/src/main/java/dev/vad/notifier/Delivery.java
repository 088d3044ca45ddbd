package dev.vad.notifier;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one event to one sink under a retry schedule: tries until the sink acknowledges, refuses the event for
 * good, or the attempts run out, pausing between tries. Counts every attempt, and logs when a sink starts failing
 * and when it recovers (not every failure: a receiver that is down stays one log line; each event given up on is
 * logged at debug, the first of each reason by the dead-letter sender).
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final RetrySchedule schedule;
    private final Pause pause;
    private final Clock clock;
    private final NotifierMetrics metrics;
    private final SinkHealth health;
    private final Set<String> failing = new HashSet<>();

    /** @param health told of every event each sink delivers or gives up on */
    public Delivery(RetrySchedule schedule, Pause pause, Clock clock, NotifierMetrics metrics, SinkHealth health) {
        this.schedule = schedule;
        this.pause = pause;
        this.clock = clock;
        this.metrics = metrics;
        this.health = health;
    }

    /** Tries {@code sink} with {@code notification} until it is delivered, given up on, or the service stops. */
    public Result deliver(Sink sink, Notification notification) throws InterruptedException {
        String name = sink.name();
        long started = clock.millis();
        AttemptResult last = null;
        for (int attempt = 1; attempt <= schedule.attempts(); attempt++) {
            if (attempt > 1) {
                Duration delay = schedule.delayAfter(attempt - 1);
                if (!pause.await(delay)) {
                    return new Result(Status.STOPPED, null, "stopped while retrying: " + last.detail());
                }
                metrics.retried(name);
            }
            last = sink.attempt(notification);
            switch (last.outcome()) {
                case DELIVERED -> {
                    metrics.delivered(name, Duration.ofMillis(clock.millis() - started));
                    health.delivered(name);
                    if (failing.remove(name)) {
                        LOG.info("{}: delivering again ({})", name, last.detail());
                    }
                    return new Result(Status.DELIVERED, null, last.detail());
                }
                case REJECTED -> {
                    metrics.failed(name);
                    metrics.deadLettered(name);
                    LOG.debug("{}: event {} ({}) refused, not retried: {}", name, notification.event().eventId(),
                            notification.deliveryId(), last.detail());
                    health.gaveUp(name, clock.instant(), name + "_rejected", last.detail());
                    return new Result(Status.GAVE_UP, name + "_rejected", last.detail());
                }
                case FAILED -> {
                    metrics.failed(name);
                    if (failing.add(name)) {
                        LOG.warn("{}: attempt {} of {} failed ({}); retrying, and logging again once it delivers",
                                name, attempt, schedule.attempts(), last.detail());
                    }
                }
            }
        }
        metrics.deadLettered(name);
        LOG.debug("{}: event {} ({}) not delivered after {} attempts, sent to the dead-letter topic: {}", name,
                notification.event().eventId(), notification.deliveryId(), schedule.attempts(), last.detail());
        String detail = "not delivered after " + schedule.attempts() + " attempts; the last: " + last.detail();
        health.gaveUp(name, clock.instant(), name + "_undeliverable", detail);
        return new Result(Status.GAVE_UP, name + "_undeliverable", detail);
    }

    /** Where an event stands with a sink. */
    public enum Status { DELIVERED, GAVE_UP, STOPPED }

    /**
     * @param status what came of it
     * @param reason the dead-letter reason when given up on ({@code webhook_rejected}, {@code mqtt_undeliverable}),
     *               else null
     * @param detail what happened last
     */
    public record Result(Status status, String reason, String detail) {
    }
}
