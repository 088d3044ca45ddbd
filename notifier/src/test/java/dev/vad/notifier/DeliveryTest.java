package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.metrics.Health;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);
    private final SinkHealth health = new SinkHealth();

    private Delivery delivery(boolean stopOnPause) {
        metrics.register("hook");
        return new Delivery(schedule, delay -> {
            pauses.add(delay);
            return !stopOnPause;
        }, clock, metrics, health);
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

    @Test
    void theNotifierIsUnhealthyOnceASinkGaveUpOnAnEventAndHealthyAgainOnceItDelivers() throws InterruptedException {
        ScriptedSink down = new ScriptedSink("hook", AttemptResult.failed("refused"), AttemptResult.failed("refused"),
                AttemptResult.failed("refused"), AttemptResult.failed("HTTP 502"));
        Delivery delivery = delivery(false);

        assertThat(health.health()).isEqualTo(Health.ok());
        delivery.deliver(down, notification);
        Health failing = health.health();
        delivery.deliver(new ScriptedSink("hook", AttemptResult.delivered("HTTP 200")), notification);

        assertThat(failing.healthy()).isFalse();
        assertThat(failing.reason()).isEqualTo("hook gave up on an event at 2026-12-03T03:00:00Z"
                + " (hook_undeliverable): not delivered after 4 attempts; the last: HTTP 502; healthy again once it"
                + " delivers");
        assertThat(health.health()).isEqualTo(Health.ok());
    }

    @Test
    void aSinkThatIsStillRetryingLeavesTheNotifierHealthy() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("hook", AttemptResult.failed("HTTP 503"), AttemptResult.failed("HTTP 503"),
                AttemptResult.delivered("HTTP 200"));

        delivery(false).deliver(sink, notification);

        assertThat(health.health()).isEqualTo(Health.ok());
    }

    @Test
    void aRefusedEventMakesTheNotifierUnhealthyWithTheRefusal() throws InterruptedException {
        delivery(false).deliver(new ScriptedSink("hook", AttemptResult.rejected("HTTP 401")), notification);

        assertThat(health.health().healthy()).isFalse();
        assertThat(health.health().reason()).contains("hook_rejected", "HTTP 401");
    }
}
