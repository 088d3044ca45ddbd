package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final JsonCodec<AnomalyEvent> codec = JsonCodec.events(WireLimits.DEFAULT);
    private final Delivery delivery = new Delivery(new RetrySchedule(2, Duration.ZERO, Duration.ZERO), delay -> true,
            Clock.systemUTC(), new NotifierMetrics(new SimpleMeterRegistry()), new SinkHealth());

    @Test
    void everySinkGetsTheRecordsOwnBytesAndTheDecodedEvent() throws InterruptedException {
        ScriptedSink first = new ScriptedSink("a", AttemptResult.delivered("ok"));
        ScriptedSink second = new ScriptedSink("b", AttemptResult.delivered("ok"));
        AnomalyEvent event = Events.of("e1", AnomalyEvent.Phase.END, "gate/1", 140);
        byte[] value = codec.encode(event);

        Dispatcher.Verdict verdict = new Dispatcher(codec, List.of(first, second), delivery)
                .dispatch(value, "vad.events-2-40");

        assertThat(verdict).isEqualTo(new Dispatcher.Verdict(true, List.of()));
        for (ScriptedSink sink : List.of(first, second)) {
            assertThat(sink.attempts).singleElement().satisfies(n -> {
                assertThat(n.body()).isSameAs(value);
                assertThat(n.event()).isEqualTo(event);
                assertThat(n.deliveryId()).isEqualTo("vad.events-2-40");
            });
        }
    }

    @Test
    void anEventWithEvidenceReachesTheSinksWithItsPathsAsWritten() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("a", AttemptResult.delivered("ok"));
        AnomalyEvent event = Events.of("gate/1:100", AnomalyEvent.Phase.END, "gate/1", 140).withEvidence(
                new AnomalyEvent.Evidence("gate%2F1/100/snapshot.jpg", "gate%2F1/100/clip.mp4"));
        byte[] value = codec.encode(event);

        Dispatcher.Verdict verdict = new Dispatcher(codec, List.of(sink), delivery).dispatch(value, "t-0-9");

        assertThat(verdict).isEqualTo(new Dispatcher.Verdict(true, List.of()));
        assertThat(new String(value, StandardCharsets.UTF_8)).startsWith("{\"schema_version\":2,")
                .endsWith("\"evidence\":{\"snapshot\":\"gate%2F1/100/snapshot.jpg\","
                        + "\"clip\":\"gate%2F1/100/clip.mp4\"}}");
        assertThat(sink.attempts).singleElement().satisfies(n -> {
            assertThat(n.body()).isSameAs(value);
            assertThat(n.event().evidence()).isEqualTo(event.evidence());
        });
    }

    @Test
    void aRecordThatDoesNotDecodeIsOneDeadLetterAndReachesNoSink() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("a");

        Dispatcher dispatcher = new Dispatcher(codec, List.of(sink), delivery);
        Dispatcher.Verdict junk = dispatcher.dispatch("not json".getBytes(StandardCharsets.UTF_8), "t-0-1");
        Dispatcher.Verdict tombstone = dispatcher.dispatch(null, "t-0-2");
        Dispatcher.Verdict newer = dispatcher.dispatch("{\"schema_version\":99}".getBytes(StandardCharsets.UTF_8),
                "t-0-3");

        assertThat(List.of(junk, tombstone, newer)).allSatisfy(v -> {
            assertThat(v.done()).isTrue();
            assertThat(v.letters()).singleElement().extracting(Dispatcher.DeadLetterReason::reason).isEqualTo("decode");
        });
        assertThat(newer.letters().get(0).detail()).contains("unknown anomaly event version 99");
        assertThat(sink.attempts).isEmpty();
    }

    @Test
    void aSinkThatGivesUpIsADeadLetterWhileTheOtherStillDelivers() throws InterruptedException {
        ScriptedSink down = new ScriptedSink("webhook", AttemptResult.failed("refused"), AttemptResult.failed("refused"));
        ScriptedSink up = new ScriptedSink("mqtt", AttemptResult.delivered("ok"));

        Dispatcher.Verdict verdict = new Dispatcher(codec, List.of(down, up), delivery)
                .dispatch(codec.encode(Events.of("e1", AnomalyEvent.Phase.START, "gate", 110)), "t-0-0");

        assertThat(verdict.done()).isTrue();
        assertThat(verdict.letters()).singleElement().extracting(Dispatcher.DeadLetterReason::reason)
                .isEqualTo("webhook_undeliverable");
        assertThat(up.attempts).hasSize(1);
    }

    @Test
    void aStopLeavesTheRecordUndoneWithoutDeadLetters() throws InterruptedException {
        ScriptedSink sink = new ScriptedSink("a", AttemptResult.failed("refused"));
        Delivery stopping = new Delivery(new RetrySchedule(3, Duration.ZERO, Duration.ZERO), delay -> false,
                Clock.systemUTC(), new NotifierMetrics(new SimpleMeterRegistry()), new SinkHealth());

        Dispatcher.Verdict verdict = new Dispatcher(codec, List.of(sink), stopping)
                .dispatch(codec.encode(Events.of("e1", AnomalyEvent.Phase.START, "gate", 110)), "t-0-0");

        assertThat(verdict).isEqualTo(new Dispatcher.Verdict(false, List.of()));
    }
}
