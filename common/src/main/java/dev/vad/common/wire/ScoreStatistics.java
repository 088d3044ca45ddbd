package dev.vad.common.wire;

import java.util.List;

/**
 * Robust statistics of a score over a sample (a model's validation frames, or a stream's recent history), enough
 * to calibrate new scores causally.
 *
 * @param count     number of scores summarised
 * @param mean      arithmetic mean
 * @param std       standard deviation
 * @param median    median
 * @param mad       median absolute deviation from the median (unscaled)
 * @param quantiles selected quantiles, ascending in probability
 */
public record ScoreStatistics(long count, double mean, double std, double median, double mad,
                              List<Quantile> quantiles) {

    public ScoreStatistics {
        quantiles = List.copyOf(quantiles);
    }

    /** The value below which a fraction {@code probability} of the sample lies. */
    public record Quantile(double probability, double value) {
    }
}
