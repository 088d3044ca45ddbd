package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.core.events.EpisodeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pseudo-anomalous clips whose alarms at each threshold are known. */
class ThresholdFiguresTest {

    private static PseudoScores clip(String kind, double[] online, int from, int to) {
        List<Path> frames = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < online.length; i++) {
            frames.add(Path.of(i + ".jpg"));
            labels.add(i >= from && i <= to);
        }
        Clip clip = new Clip("03-" + kind, Path.of("03"), frames, labels);
        return new PseudoScores("03", kind, new ClipScores(clip, online.clone(), online));
    }

    @Test
    void countsCaughtStretchesAndFalseAlarmsAtEachThresholdAndMarksTheOneInForce() {
        double[] strong = new double[60];
        Arrays.fill(strong, 20, 40, 5.5);
        double[] weak = new double[60];
        Arrays.fill(weak, 20, 40, 3.2);
        Arrays.fill(weak, 50, 53, 2.7);

        List<ThresholdFigures> figures = ThresholdFigures.of(List.of(clip("skip", strong, 20, 39),
                clip("reverse", weak, 20, 39)), 0, new EpisodeSettings(4.5, 3, 2.25, 10, 25));

        assertThat(figures).extracting(ThresholdFigures::threshold)
                .containsExactly(2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0);
        assertThat(figures).extracting(ThresholdFigures::stretches).containsOnly(2);
        assertThat(figures).extracting(ThresholdFigures::caught).containsExactly(2, 2, 1, 1, 1, 1, 0);
        assertThat(figures).extracting(ThresholdFigures::falseAlarmEpisodes)
                .as("three frames at 2.7 ten frames after the weak stretch").containsExactly(1, 0, 0, 0, 0, 0, 0);
        assertThat(figures).extracting(ThresholdFigures::projectedFalseAlarmsPerHour)
                .as("60-frame clips are too short to project from").containsOnlyNulls();
    }
}
