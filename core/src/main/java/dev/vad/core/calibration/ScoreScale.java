package dev.vad.core.calibration;

/**
 * The scale on which a stream's raw errors are calibrated. Squared prediction and reconstruction errors are positive
 * and skewed: a busy moment multiplies a frame's error rather than adding to it, so on the linear scale normal frames
 * reach many robust standard deviations above the median, and the log scale is the one on which the spread of normal
 * errors is about even on both sides.
 */
public enum ScoreScale {
    /** The errors as they are. */
    LINEAR,
    /** The natural logarithm of the errors (errors below {@link #SMALLEST} count as that). */
    LOG;

    /** The smallest error the log scale tells apart from zero. */
    static final double SMALLEST = 1e-12;

    /** {@code error} on this scale. */
    public double of(double error) {
        return this == LOG ? Math.log(Math.max(error, SMALLEST)) : error;
    }
}
