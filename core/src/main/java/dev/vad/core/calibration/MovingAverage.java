package dev.vad.core.calibration;

/**
 * The mean of the last {@code frames} values given (of all of them while fewer have come): a causal smoothing of
 * one stream's calibrated frame scores. A single frame leaves each value as it is.
 */
public final class MovingAverage {

    private final double[] recent;
    private int size;
    private int next;

    public MovingAverage(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a moving average needs at least 1 frame, found " + frames);
        }
        this.recent = new double[frames];
    }

    /** Adds {@code value} and returns the mean of the last {@code frames} values, this one included. */
    public double add(double value) {
        if (recent.length == 1) {
            return value;
        }
        recent[next] = value;
        next = (next + 1) % recent.length;
        size = Math.min(size + 1, recent.length);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += recent[i];
        }
        return sum / size;
    }
}
