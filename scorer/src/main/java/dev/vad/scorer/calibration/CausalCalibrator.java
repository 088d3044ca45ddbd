package dev.vad.scorer.calibration;

import dev.vad.common.wire.ScoreStatistics;
import dev.vad.model.score.ScoreSummaries;
import java.util.Arrays;

/**
 * Calibrates one stream's raw scores without looking ahead: {@code z = (score - median) / (1.4826 * MAD)}, with
 * median and MAD first from the model's validation scores, then from the stream's own recent scores that were
 * judged normal (so an anomaly never raises its own baseline). No per-video min-max normalisation: each score is
 * calibrated with what was known before it.
 */
public final class CausalCalibrator {

    /** Scales the MAD to the standard deviation of a normal distribution. */
    static final double MAD_TO_SIGMA = 1.4826;

    private final CalibrationSettings settings;
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
        this.history = new double[settings.historyFrames()];
        this.median = validation.median();
        this.floor = Math.max(1e-12, Math.max(validation.mad(), validation.std() / MAD_TO_SIGMA) * 1e-3);
        this.spread = spreadOf(validation.mad(), validation.std());
    }

    /** The calibrated value of a raw score, then (if it is normal) the score joins the stream's history. */
    public double calibrate(double score) {
        double z = (score - median) / spread;
        if (z < settings.threshold()) {
            remember(score);
        }
        return z;
    }

    /** The calibrated threshold in force. */
    public double threshold() {
        return settings.threshold();
    }

    /** Scores of this stream in the causal baseline. */
    public int historySize() {
        return size;
    }

    private void remember(double score) {
        history[next] = score;
        next = (next + 1) % history.length;
        size = Math.min(size + 1, history.length);
        if (size >= settings.minHistory() && ++sinceRefresh >= settings.refreshEvery()) {
            sinceRefresh = 0;
            ScoreStatistics recent = ScoreSummaries.of(Arrays.copyOf(history, size));
            median = recent.median();
            spread = spreadOf(recent.mad(), recent.std());
        }
    }

    /** MAD as sigma, falling back to the standard deviation when most scores tie, never below a small floor. */
    private double spreadOf(double mad, double std) {
        double sigma = mad > 0 ? MAD_TO_SIGMA * mad : std;
        return Math.max(sigma, floor);
    }
}
