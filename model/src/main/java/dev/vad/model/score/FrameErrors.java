package dev.vad.model.score;

/**
 * Per-frame anomaly evidence from a window's error map: the mean squared error over the frame, and the mean over
 * its worst square patch, which keeps a small anomaly from vanishing in a frame mean. Pure arithmetic on arrays.
 */
public final class FrameErrors {

    private FrameErrors() {
    }

    /**
     * @param errorMap {@code frames x height x width} squared errors, frame after frame, row-major
     * @param patch    side of the square patches (clamped to the frame), scanned with a stride of half a patch
     * @return one {@link FrameError} per frame, in order
     */
    public static FrameError[] of(float[] errorMap, int frames, int height, int width, int patch) {
        if (errorMap.length != frames * height * width) {
            throw new IllegalArgumentException("expected " + frames + "x" + height + "x" + width + " = "
                    + frames * height * width + " errors, found " + errorMap.length);
        }
        int side = Math.max(1, Math.min(patch, Math.min(height, width)));
        int step = Math.max(1, side / 2);
        double[] integral = new double[(height + 1) * (width + 1)];
        FrameError[] out = new FrameError[frames];
        for (int f = 0; f < frames; f++) {
            double total = integrate(errorMap, f * height * width, height, width, integral);
            double worst = 0;
            for (int y = 0; y + side <= height; y += step) {
                for (int x = 0; x + side <= width; x += step) {
                    worst = Math.max(worst, boxSum(integral, width, y, x, side));
                }
            }
            worst = Math.max(worst, lastRowAndColumn(integral, height, width, side));
            out[f] = new FrameError(total / (height * width), worst / (side * side));
        }
        return out;
    }

    /** Fills a summed-area table of one frame and returns the frame's total. */
    private static double integrate(float[] map, int offset, int height, int width, double[] integral) {
        int stride = width + 1;
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += map[offset + y * width + x];
                integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row;
            }
        }
        return integral[height * stride + width];
    }

    /** Patches flush with the bottom and right edges, which the half-patch stride may miss. */
    private static double lastRowAndColumn(double[] integral, int height, int width, int side) {
        double worst = 0;
        int step = Math.max(1, side / 2);
        for (int x = 0; x + side <= width; x += step) {
            worst = Math.max(worst, boxSum(integral, width, height - side, x, side));
        }
        for (int y = 0; y + side <= height; y += step) {
            worst = Math.max(worst, boxSum(integral, width, y, width - side, side));
        }
        return Math.max(worst, boxSum(integral, width, height - side, width - side, side));
    }

    private static double boxSum(double[] integral, int width, int y, int x, int side) {
        int stride = width + 1;
        return integral[(y + side) * stride + x + side] - integral[y * stride + x + side]
                - integral[(y + side) * stride + x] + integral[y * stride + x];
    }

    /**
     * The evidence of one frame.
     *
     * @param mean       mean squared error over the frame
     * @param worstPatch mean squared error over the frame's worst patch
     */
    public record FrameError(double mean, double worstPatch) {
    }
}
