package dev.vad.model.score;

import dev.vad.common.wire.ScoreStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Robust statistics of a sample of scores (mean, spread, median, MAD, quantiles), for calibration. */
public final class ScoreSummaries {

    /** The quantiles every summary carries. */
    public static final double[] PROBABILITIES = {0.5, 0.9, 0.95, 0.99, 0.999};

    private ScoreSummaries() {
    }

    /** Summarises a non-empty sample; the input is not modified. */
    public static ScoreStatistics of(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty sample of scores");
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double variance = Arrays.stream(sorted).map(s -> (s - mean) * (s - mean)).sum() / Math.max(1, sorted.length - 1);
        double median = quantile(sorted, 0.5);
        double[] deviations = Arrays.stream(sorted).map(s -> Math.abs(s - median)).sorted().toArray();
        List<ScoreStatistics.Quantile> quantiles = new ArrayList<>();
        for (double p : PROBABILITIES) {
            quantiles.add(new ScoreStatistics.Quantile(p, quantile(sorted, p)));
        }
        return new ScoreStatistics(sorted.length, mean, Math.sqrt(variance), median, quantile(deviations, 0.5),
                quantiles);
    }

    /** The {@code p}-quantile of sorted values, interpolating linearly between order statistics. */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
