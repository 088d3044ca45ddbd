package dev.vad.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {

    private static final EpisodeTracker.ModelRef MODEL = new EpisodeTracker.ModelRef("street", 3);

    private static List<AnomalyEvent> feed(EpisodeTracker tracker, double... scores) {
        List<AnomalyEvent> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            tracker.accept(100 + i, 1_000L * (100 + i), scores[i], MODEL, 7).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void opensAfterEnoughHighFramesAndClosesAfterEnoughLowOnes() {
        EpisodeTracker tracker = new EpisodeTracker("cam", AnomalyEvent.Kind.ANOMALY,
                new EpisodeSettings(4, 2, 2, 3, 100));

        List<AnomalyEvent> events = feed(tracker, 1, 5, 6, 9, 3, 1, 1, 1, 1);

        assertThat(events).extracting(AnomalyEvent::phase)
                .containsExactly(AnomalyEvent.Phase.START, AnomalyEvent.Phase.END);
        AnomalyEvent start = events.get(0);
        assertThat(start.firstFrameIndex()).as("from the first high frame").isEqualTo(101);
        assertThat(start.lastFrameIndex()).isEqualTo(102);
        AnomalyEvent end = events.get(1);
        assertThat(end.eventId()).isEqualTo(start.eventId()).isEqualTo("cam:101");
        assertThat(end.lastFrameIndex()).as("to the last high frame").isEqualTo(103);
        assertThat(end.lastCaptureMicros()).isEqualTo(103_000);
        assertThat(end.peakScore()).isEqualTo(9);
        assertThat(end.peakFrameIndex()).isEqualTo(103);
        assertThat(end.modelName()).isEqualTo("street");
        assertThat(tracker.isOpen()).isFalse();
    }

    @Test
    void aSingleSpikeOpensNothing() {
        EpisodeTracker tracker = new EpisodeTracker("cam", AnomalyEvent.Kind.ANOMALY,
                new EpisodeSettings(4, 3, 2, 3, 100));

        assertThat(feed(tracker, 1, 9, 1, 9, 9, 1)).isEmpty();
    }

    @Test
    void scoresBetweenTheMarksKeepAnOpenEpisodeOpen() {
        EpisodeTracker tracker = new EpisodeTracker("cam", AnomalyEvent.Kind.ANOMALY,
                new EpisodeSettings(4, 1, 2, 2, 100));

        List<AnomalyEvent> events = feed(tracker, 5, 3, 3, 3, 1, 3, 1, 1);

        assertThat(events).extracting(AnomalyEvent::phase)
                .containsExactly(AnomalyEvent.Phase.START, AnomalyEvent.Phase.END);
        assertThat(events.get(1).lastFrameIndex()).isEqualTo(100);
    }

    @Test
    void longEpisodesSendUpdates() {
        EpisodeTracker tracker = new EpisodeTracker("cam", AnomalyEvent.Kind.SCENE_CHANGE,
                new EpisodeSettings(4, 1, 2, 1, 2));

        List<AnomalyEvent> events = feed(tracker, 5, 5, 6, 7, 8, 0);

        assertThat(events).extracting(AnomalyEvent::phase).containsExactly(AnomalyEvent.Phase.START,
                AnomalyEvent.Phase.UPDATE, AnomalyEvent.Phase.UPDATE, AnomalyEvent.Phase.END);
        assertThat(events.get(2).peakScore()).isEqualTo(8);
        assertThat(events).allSatisfy(e -> assertThat(e.kind()).isEqualTo(AnomalyEvent.Kind.SCENE_CHANGE));
    }
}
