package dev.vad.scorer;

import dev.vad.common.metrics.VadMetric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.ScoreState;
import dev.vad.common.wire.TimestampKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerMetricsTest {

    @Test
    void aForgottenStreamTakesItsMetersWithItAndOthersKeepTheirs() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScorerMetrics metrics = new ScorerMetrics(registry, "m");
        for (String stream : List.of("gate", "yard")) {
            metrics.scored(new ScoreRecord(1, stream, 0, "m", 1, TimestampKind.WALL_CLOCK, List.of(), 0.1, 5.0, 4.0,
                    ScoreState.ANOMALOUS, 0), 1_000);
            metrics.event(new AnomalyEvent(1, stream + ":0", AnomalyEvent.Phase.START, AnomalyEvent.Kind.ANOMALY,
                    stream, 0, 0, 0, 0, 5.0, 0, "m", 1, 0));
        }

        metrics.forget("gate");

        assertThat(registry.getMeters()).noneMatch(m -> "gate".equals(m.getId().getTag("stream")));
        assertThat(registry.getMeters().stream().filter(m -> "yard".equals(m.getId().getTag("stream")))
                .map(m -> m.getId().getName()).distinct()).as("yard keeps every per-stream meter")
                .contains(VadMetric.SCORER_WINDOWS_SCORED.meterName(), VadMetric.SCORER_SCORE.meterName(),
                        VadMetric.SCORER_CALIBRATED_SCORE.meterName(), VadMetric.SCORER_CALIBRATED_SCORES.meterName(),
                        VadMetric.SCORER_END_TO_END_LATENCY.meterName(), VadMetric.SCORER_EVENTS.meterName(),
                        VadMetric.SCORER_THRESHOLD.meterName());
        assertThat(registry.get(VadMetric.SCORER_THRESHOLD.meterName()).tag("stream", "yard").gauge().value())
                .as("the threshold the stream's record carries").isEqualTo(4.0);
        assertThat(registry.get(VadMetric.SCORER_CALIBRATED_SCORE.meterName()).tag("stream", "yard").gauge().value()).isEqualTo(5.0);
    }
}
