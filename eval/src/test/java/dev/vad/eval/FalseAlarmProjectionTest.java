package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Normal scores drawn from known distributions, whose share above a threshold is known in closed form. */
class FalseAlarmProjectionTest {

    private static ClipStream stream(double[] scores, boolean[] labels) {
        boolean[] scored = new boolean[scores.length];
        Arrays.fill(scored, true);
        return new ClipStream(List.of("01"), new int[] {0}, scores, scored, labels, 10);
    }

    private static double[] exponential(int n, long seed) {
        Random random = new Random(seed);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = -Math.log(1 - random.nextDouble());
        }
        return scores;
    }

    @Test
    void projectsAnExponentialTailBeyondTheLargestScoreSeen() {
        double[] scores = exponential(20_000, 1);
        double largest = Arrays.stream(scores).max().orElseThrow();

        FalseAlarmProjection projection = FalseAlarmProjection.of(
                List.of(stream(scores, new boolean[scores.length])), 1, 10).orElseThrow();

        assertThat(projection.runs()).isEqualTo(20_000);
        double threshold = largest + 1;
        // The tail's scale is fitted from about 1,000 runs (a relative error near 3%), which grows with how far
        // beyond the tail's start (near 3) the projection reaches: 0.25 in the log here; 0.75 is three of those.
        assertThat(Math.log(projection.share(threshold))).as("log share at %s", threshold)
                .isCloseTo(-threshold, within(0.75));
        assertThat(projection.share(1.0)).as("below the tail, the share seen").isCloseTo(Math.exp(-1), within(0.01));
        assertThat(projection.episodesPerHour(threshold, 10)).isCloseTo(projection.share(threshold) * 36_000,
                within(1e-9));
    }

    @Test
    void anEpisodeNeedsEveryFrameOfARunSoTheLeastOfThreeHasAThreeTimesSteeperTail() {
        double[] scores = exponential(30_000, 2);

        FalseAlarmProjection one = FalseAlarmProjection.of(List.of(stream(scores, new boolean[scores.length])), 1, 0)
                .orElseThrow();
        FalseAlarmProjection three = FalseAlarmProjection.of(List.of(stream(scores, new boolean[scores.length])), 3,
                0).orElseThrow();

        assertThat(three.runs()).isEqualTo(29_998);
        assertThat(Math.log(three.share(6)) / Math.log(one.share(6))).isCloseTo(3, within(0.6));
    }

    @Test
    void leavesOutAnomalousFramesAndTheFramesThatCloseTheirEpisode() {
        double[] scores = exponential(2_000, 3);
        boolean[] labels = new boolean[scores.length];
        Arrays.fill(labels, 1_000, 1_100, true);
        Arrays.fill(scores, 1_000, 1_110, 50);

        FalseAlarmProjection projection = FalseAlarmProjection.of(List.of(stream(scores, labels)), 1, 10)
                .orElseThrow();

        assertThat(projection.runs()).isEqualTo(2_000 - 110);
        assertThat(projection.share(40)).as("no normal run near 50 is left").isLessThan(1e-9);
    }

    @Test
    void tooFewNormalFramesForATailGiveNoProjection() {
        double[] scores = exponential(100, 4);

        assertThat(FalseAlarmProjection.of(List.of(stream(scores, new boolean[scores.length])), 3, 10)).isEmpty();
    }
}
