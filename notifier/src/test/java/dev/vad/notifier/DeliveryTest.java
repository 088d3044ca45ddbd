package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final NotifierMetrics metrics = new NotifierMetrics(registry);
    private final List<Duration> pauses = new ArrayList<>();
    private final Notification notification = new Notification(Events.of("e1", AnomalyEvent.Phase.START, "gate", 110),
            new byte[] {'{', '}'}, "vad.events-0-7");
    private final RetrySchedule schedule = new RetrySchedule(4, Duration.ofMillis(100), Duration.ofMillis(250));

    private Delivery delivery(boolean stopOnPause) {
        metrics.register("hook");
        return new Delivery(schedule, delay -> {
            pauses.add(delay);
            return !stopOnPause;
        }, Clock.systemUTC(), metrics);
    }

    private double count(String name) {
        return registry.get(name).tag("sink", "hook").counter().count();
    }

    @Test
    void aSinkThatRecoversInTimeDeliversAfterBackingOff() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("hook", AttemptResult.failed("HTTP 503"), AttemptResult.failed("HTTP 503"),
                AttemptResult.delivered("HTTP 200"));

        Delivery.Result result = delivery(false).deliver(sink, notification);

        assertThat(result.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sink.attempts).hasSize(3).containsOnly(notification);
        assertThat(count(NotifierMetrics.DELIVERED)).isEqualTo(1);
        assertThat(count(NotifierMetrics.ATTEMPTS_FAILED)).isEqualTo(2);
        assertThat(count(NotifierMetrics.RETRIES)).isEqualTo(2);
        assertThat(count(NotifierMetrics.DEAD_LETTERED)).isZero();
        assertThat(registry.get(NotifierMetrics.DELIVERY_LATENCY).tag("sink", "hook").timer().count()).isEqualTo(1);
    }

    @Test
    void aSinkThatStaysDownIsGivenUpOnAfterEveryAttempt() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("hook", AttemptResult.failed("refused"), AttemptResult.failed("refused"),
                AttemptResult.failed("refused"), AttemptResult.failed("HTTP 502"));

        Delivery.Result result = delivery(false).deliver(sink, notification);

        assertThat(result.status()).isEqualTo(Delivery.Status.GAVE_UP);
        assertThat(result.reason()).isEqualTo("hook_undeliverable");
        assertThat(result.detail()).isEqualTo("not delivered after 4 attempts; the last: HTTP 502");
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
        assertThat(count(NotifierMetrics.ATTEMPTS_FAILED)).isEqualTo(4);
        assertThat(count(NotifierMetrics.RETRIES)).isEqualTo(3);
        assertThat(count(NotifierMetrics.DEAD_LETTERED)).isEqualTo(1);
        assertThat(count(NotifierMetrics.DELIVERED)).isZero();
    }

    @Test
    void aRejectedEventIsGivenUpOnWithoutRetrying() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("hook", AttemptResult.rejected("HTTP 400"));

        Delivery.Result result = delivery(false).deliver(sink, notification);

        assertThat(result).isEqualTo(new Delivery.Result(Delivery.Status.GAVE_UP, "hook_rejected", "HTTP 400"));
        assertThat(pauses).isEmpty();
        assertThat(count(NotifierMetrics.RETRIES)).isZero();
        assertThat(count(NotifierMetrics.DEAD_LETTERED)).isEqualTo(1);
    }

    @Test
    void aStopDuringAPauseEndsTheDeliveryUnfinished() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("hook", AttemptResult.failed("timeout"));

        Delivery.Result result = delivery(true).deliver(sink, notification);

        assertThat(result.status()).isEqualTo(Delivery.Status.STOPPED);
        assertThat(sink.attempts).hasSize(1);
        assertThat(count(NotifierMetrics.DEAD_LETTERED)).isZero();
    }
}
