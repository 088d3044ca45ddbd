package dev.vad.core.calibration;

import dev.vad.common.wire.ScoreStatistics;
import dev.vad.model.score.ScoreSummaries;
import java.util.Arrays;

/**
 * Calibrates one stream's raw scores without looking ahead: {@code z = (s - median) / (1.4826 * MAD)} of the score
 * {@code s} on the settings' {@link ScoreScale}, with median and spread first from the model's validation scores,
 * then from the stream's own recent scores that were judged normal (so an anomaly never raises its own baseline).
 * No per-video min-max normalisation: each score is calibrated with what was known before it.
 *
 * <p>On the log scale the spread is measured on the upper side, where anomalies lie: {@code (q90 - median) /
 * 1.2816} of the log errors (1.2816 is the normal distribution's z at 0.9), so a long tail of normal errors (objects
 * entering, crossing, occluding each other) widens it as it should, where the MAD, which sees only the middle half,
 * would call one normal frame in twenty anomalous; a validation summary without quantiles gives it from its MAD.
 */
public final class CausalCalibrator {

    /** Scales the MAD to the standard deviation of a normal distribution. */
    static final double MAD_TO_SIGMA = 1.4826;
    /** The standard normal distribution's 90th percentile. */
    static final double Z_90 = 1.2816;
    /** The smallest spread on the log scale: a thousandth of the log's unit. */
    static final double LOG_FLOOR = 1e-3;

    private CalibrationSettings settings;
    private final ScoreScale scale;
    private final double[] history;
    private final double floor;
    private int size;
    private int next;
    private int sinceRefresh;
    private double median;
    private double spread;

    /**
     * @param validation the model's statistics of this score kind on its validation data
     */
    public CausalCalibrator(ScoreStatistics validation, CalibrationSettings settings) {
        this.settings = settings;
        this.scale = settings.scale();
        this.history = new double[settings.historyFrames()];
        this.median = scale.of(validation.median());
        if (scale == ScoreScale.LOG) {
            this.floor = LOG_FLOOR;
            this.spread = Math.max(logSpread(validation), floor);
        } else {
            this.floor = Math.max(1e-12, Math.max(validation.mad(), validation.std() / MAD_TO_SIGMA) * 1e-3);
            this.spread = spreadOf(validation.mad(), validation.std());
        }
    }

    /** The calibrated value of a raw score, then (if it is normal) the score joins the stream's history. */
    public double calibrate(double score) {
        double scaled = scale.of(score);
        double z = (scaled - median) / spread;
        if (z < settings.threshold()) {
            remember(scaled);
        }
        return z;
    }

    /**
     * Goes on under other settings of the same history length and scale (a camera's own threshold): the history
     * kept so far stays.
     */
    public void retune(CalibrationSettings other) {
        if (other.historyFrames() != settings.historyFrames() || other.scale() != settings.scale()) {
            throw new IllegalArgumentException("a calibrator keeps its history length and scale");
        }
        settings = other;
    }

    /** The calibrated threshold in force. */
    public double threshold() {
        return settings.threshold();
    }

    /** Scores of this stream in the causal baseline. */
    public int historySize() {
        return size;
    }

    private void remember(double scaled) {
        history[next] = scaled;
        next = (next + 1) % history.length;
        size = Math.min(size + 1, history.length);
        if (size >= settings.minHistory() && ++sinceRefresh >= settings.refreshEvery()) {
            sinceRefresh = 0;
            ScoreStatistics recent = ScoreSummaries.of(Arrays.copyOf(history, size));
            median = recent.median();
            spread = scale == ScoreScale.LOG ? Math.max(upperSpread(recent), floor)
                    : spreadOf(recent.mad(), recent.std());
        }
    }

    /** The spread of log errors from their 90th percentile; from the MAD or the deviation when it ties the median. */
    private double upperSpread(ScoreStatistics logs) {
        double q90 = ninetieth(logs);
        return q90 > logs.median() ? (q90 - logs.median()) / Z_90 : spreadOf(logs.mad(), logs.std());
    }

    /** MAD as sigma, falling back to the standard deviation when most scores tie, never below a small floor. */
    private double spreadOf(double mad, double std) {
        double sigma = mad > 0 ? MAD_TO_SIGMA * mad : std;
        return Math.max(sigma, floor);
    }

    /** The validation's spread on the log scale: from its 90th percentile, or from its MAD without one. */
    private static double logSpread(ScoreStatistics validation) {
        double median = validation.median();
        double q90 = ninetieth(validation);
        if (median > 0 && q90 > median) {
            return Math.log(q90 / median) / Z_90;
        }
        return median > 0 ? Math.log1p(MAD_TO_SIGMA * validation.mad() / median) : 0;
    }

    /** The summary's 90th percentile, or NaN when it carries none. */
    private static double ninetieth(ScoreStatistics summary) {
        for (ScoreStatistics.Quantile q : summary.quantiles()) {
            if (q.probability() == 0.9) {
                return q.value();
            }
        }
        return Double.NaN;
    }
}
