package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vad.core.events.EpisodeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made score and label sequences whose alarms are known. */
class EventFiguresTest {

    private static final EpisodeSettings EPISODES = EpisodeSettings.DEFAULT;
    private static final double HIGH = 9;

    @Test
    void anIntervalWhoseScoreJumpsAtItsFirstFrameIsCaughtEnterFramesMinusOneLater() {
        ClipStream stream = new Frames(40).label(10, 19).score(10, 19, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.intervals()).isEqualTo(1);
        assertThat(figures.caught()).isEqualTo(1);
        assertThat(figures.detections()).containsExactly(new EventFigures.Detection("01", 10, 19, 2, 0.2));
        assertThat(figures.medianDelayFrames()).isEqualTo(2.0);
        assertThat(figures.worstDelayFrames()).isEqualTo(EPISODES.enterFrames() - 1);
        assertThat(figures.worstDelaySeconds()).isCloseTo(0.2, within(1e-12));
        assertThat(figures.missed()).isEmpty();
        assertThat(figures.falseAlarmEpisodes()).isZero();
    }

    @Test
    void anIntervalWithFewerHighFramesInARowThanEnterFramesIsMissed() {
        ClipStream stream = new Frames(40).label(10, 19).score(10, 11, HIGH).score(13, 14, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.caught()).isZero();
        assertThat(figures.missed()).containsExactly(new EventFigures.Interval("01", 10, 19));
        assertThat(figures.episodes()).isZero();
        assertThat(figures.medianDelayFrames()).isNull();
        assertThat(figures.worstDelaySeconds()).isNull();
    }

    @Test
    void anIntervalIsCaughtByAnEpisodeThatOpensOnlyAfterItsLastFrameButStartsWithinIt() {
        ClipStream stream = new Frames(40).label(10, 11).score(11, 13, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.detections()).containsExactly(new EventFigures.Detection("01", 10, 11, 3, 0.3));
        assertThat(figures.falseAlarmEpisodes()).isZero();
    }

    @Test
    void aLongFalseAlarmInNormalVideoCountsOnce() {
        ClipStream stream = new Frames(600).score(100, 399, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.episodes()).isEqualTo(1);
        assertThat(figures.falseAlarmEpisodes()).isEqualTo(1);
        assertThat(figures.intervals()).isZero();
        assertThat(figures.normalHours()).isCloseTo(600 / 10.0 / 3600, within(1e-12));
        assertThat(figures.falseAlarmsPerHour()).isCloseTo(60, within(1e-9));
    }

    @Test
    void anEpisodeSpanningTwoIntervalsCatchesBothAndIsNoFalseAlarm() {
        ClipStream stream = new Frames(60).label(10, 14).label(20, 24).score(10, 24, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.episodes()).isEqualTo(1);
        assertThat(figures.detections()).containsExactly(new EventFigures.Detection("01", 10, 14, 2, 0.2),
                new EventFigures.Detection("01", 20, 24, 0, 0.0));
        assertThat(figures.medianDelayFrames()).isEqualTo(1.0);
        assertThat(figures.falseAlarmEpisodes()).isZero();
    }

    @Test
    void theFalseAlarmRateIsPerHourOfNormalFramesAtTheStreamsFrameRate() {
        Frames frames = new Frames(36_000 + 1_000).fps(10).label(36_000, 36_999).score(36_000, 36_999, HIGH)
                .score(1_000, 1_010, HIGH).score(20_000, 20_002, HIGH);

        EventFigures figures = EventFigures.of(frames.stream(), EPISODES);

        assertThat(figures.normalHours()).isCloseTo(1.0, within(1e-12));
        assertThat(figures.falseAlarmEpisodes()).isEqualTo(2);
        assertThat(figures.falseAlarmsPerHour()).isCloseTo(2.0, within(1e-12));
        assertThat(EventFigures.of(frames.fps(20).stream(), EPISODES).falseAlarmsPerHour())
                .as("the same frames at twice the rate are half an hour").isCloseTo(4.0, within(1e-12));
    }

    @Test
    void aClipBoundarySplitsARunOfAnomalousFramesAndTheEpisodeCarriesOver() {
        ClipStream stream = new Frames(20, 20).label(15, 24).score(15, 24, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.intervals()).isEqualTo(2);
        assertThat(figures.detections()).containsExactly(new EventFigures.Detection("01", 15, 19, 2, 0.2),
                new EventFigures.Detection("02", 0, 4, 0, 0.0));
        assertThat(figures.episodes()).isEqualTo(1);
    }

    @Test
    void anEpisodeEndsAtItsLastHighFrameSoAnIntervalInItsClosingFramesIsMissed() {
        double betweenTheMarks = (EPISODES.lowMark() + EPISODES.highMark()) / 2;
        ClipStream stream = new Frames(60).score(5, 10, HIGH).score(11, 18, betweenTheMarks).label(14, 16).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.missed()).containsExactly(new EventFigures.Interval("01", 14, 16));
        assertThat(figures.falseAlarmEpisodes()).isEqualTo(1);
    }

    @Test
    void anEpisodeStillOpenAtTheStreamsEndCounts() {
        ClipStream stream = new Frames(30).label(25, 29).score(25, 29, HIGH).stream();

        EventFigures figures = EventFigures.of(stream, EPISODES);

        assertThat(figures.episodes()).isEqualTo(1);
        assertThat(figures.caught()).isEqualTo(1);
    }

    @Test
    void aPredictingModelsContextFramesDoNotFeedTheEpisodes() {
        double[] online = new double[20];
        Arrays.fill(online, 0, 7, HIGH);
        Clip clip = new Clip("01", Path.of("01"), Collections.nCopies(20, Path.of("f.jpg")),
                Collections.nCopies(20, false));

        ClipStream stream = ClipStream.of(List.of(new ClipScores(clip, online, online)), 4, 10);

        assertThat(stream.scored()).startsWith(false, false, false, false, true);
        assertThat(EventFigures.of(stream, EPISODES).episodes())
                .as("frames 0-3 copy frame 4's score; only frames 4-6 are scored high").isEqualTo(1);
        assertThat(EventFigures.of(stream, new EpisodeSettings(4, 4, 2, 10, 25)).episodes()).isZero();
    }

    /** A stream of clips with scores 0 and no anomalous frame unless set. */
    private static final class Frames {
        private final int[] clipLengths;
        private final double[] scores;
        private final boolean[] labels;
        private double fps = 10;

        Frames(int... clipLengths) {
            this.clipLengths = clipLengths;
            int n = Arrays.stream(clipLengths).sum();
            this.scores = new double[n];
            this.labels = new boolean[n];
        }

        Frames label(int from, int to) {
            Arrays.fill(labels, from, to + 1, true);
            return this;
        }

        Frames score(int from, int to, double value) {
            Arrays.fill(scores, from, to + 1, value);
            return this;
        }

        Frames fps(double value) {
            fps = value;
            return this;
        }

        ClipStream stream() {
            List<String> names = new ArrayList<>();
            int[] starts = new int[clipLengths.length];
            for (int c = 0, at = 0; c < clipLengths.length; at += clipLengths[c++]) {
                names.add(String.format("%02d", c + 1));
                starts[c] = at;
            }
            boolean[] scored = new boolean[scores.length];
            Arrays.fill(scored, true);
            return new ClipStream(names, starts, scores, scored, labels, fps);
        }
    }
}
