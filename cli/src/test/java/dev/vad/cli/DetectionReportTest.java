package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.ingest.synthetic.InjectedAnomaly;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionReportTest {

    private static AnomalyEvent event(String id, AnomalyEvent.Phase phase, AnomalyEvent.Kind kind, long first,
                                      long last) {
        return new AnomalyEvent(1, id, phase, kind, "s", first, last, 0, 0, 5.0, first, "m", 1, 0);
    }

    @Test
    void matchesEpisodesToInjectedAnomaliesWithDelaysAndCountsFalseAlarms() {
        List<InjectedAnomaly> injected = List.of(
                new InjectedAnomaly(InjectedAnomaly.Kind.ODD_SHAPE, 100, 149),
                new InjectedAnomaly(InjectedAnomaly.Kind.GLOBAL_CHANGE, 300, 349),
                new InjectedAnomaly(InjectedAnomaly.Kind.FAST_OBJECT, 500, 549),
                new InjectedAnomaly(InjectedAnomaly.Kind.WRONG_DIRECTION, 700, 749));
        List<AnomalyEvent> events = List.of(
                event("a", AnomalyEvent.Phase.START, AnomalyEvent.Kind.ANOMALY, 103, 103),
                event("a", AnomalyEvent.Phase.END, AnomalyEvent.Kind.ANOMALY, 103, 152),
                event("b", AnomalyEvent.Phase.START, AnomalyEvent.Kind.SCENE_CHANGE, 300, 310),
                event("c", AnomalyEvent.Phase.START, AnomalyEvent.Kind.ANOMALY, 420, 425),
                event("d", AnomalyEvent.Phase.START, AnomalyEvent.Kind.ANOMALY, 720, 725));

        DetectionReport report = DetectionReport.of(injected, events, 600);

        assertThat(report.matches()).hasSize(3).as("the anomaly at 700 was not over when scoring stopped");
        assertThat(report.detected()).isEqualTo(2);
        assertThat(report.matches().get(0).delayFrames()).isEqualTo(3);
        assertThat(report.falseAlarms()).containsExactly(new DetectionReport.Episode(AnomalyEvent.Kind.ANOMALY, 420,
                425));
        assertThat(report.lines()).containsExactly(
                "detected 2 of 3 injected anomalies, 1 false alarm",
                "  frames 100-149 odd shape       detected after 3 frames",
                "  frames 300-349 global change   detected from its first frame (as a scene change)",
                "  frames 500-549 fast object     missed");
    }
}
