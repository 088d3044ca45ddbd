package dev.vad.core.calibration;

/**
 * How raw scores are calibrated per stream.
 *
 * @param historyFrames   recent normal scores kept per stream (the causal baseline once it is full enough)
 * @param minHistory      scores needed before the stream's own history replaces the model's validation statistics
 * @param refreshEvery    scores between recomputations of the history's median and MAD
 * @param threshold       calibrated score at or above which a frame counts as anomalous
 * @param smoothingFrames a frame's published score is the mean of the calibrated scores of the stream's last this
 *                        many scored frames, itself included (1: no smoothing)
 * @param scale           the scale on which errors are calibrated
 */
public record CalibrationSettings(int historyFrames, int minHistory, int refreshEvery, double threshold,
                                  int smoothingFrames, ScoreScale scale) {

    public static final CalibrationSettings DEFAULT = new CalibrationSettings(3000, 300, 50, 3.0, 1, ScoreScale.LOG);

    public CalibrationSettings {
        if (historyFrames < 1 || minHistory < 1 || minHistory > historyFrames || refreshEvery < 1) {
            throw new IllegalArgumentException("calibration needs 1 <= minHistory <= historyFrames and refreshEvery"
                    + " >= 1, found " + minHistory + ", " + historyFrames + ", " + refreshEvery);
        }
        if (smoothingFrames < 1) {
            throw new IllegalArgumentException("smoothing needs at least 1 frame, found " + smoothingFrames);
        }
        if (scale == null) {
            throw new IllegalArgumentException("calibration needs a scale");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("calibration threshold must be > 0, found " + threshold);
        }
    }
}
