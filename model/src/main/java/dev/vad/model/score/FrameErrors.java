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
        return of(errorMap, frames, height, width, patch, null);
    }

    /**
     * The same with the pixels of {@code ignored} counting in no score: their errors are taken as zero in every frame
     * and the frame mean is over the other pixels (zero when every pixel is ignored).
     *
     * @param ignored {@code height x width} flags, row-major, true for an ignored pixel; null ignores none
     */
    public static FrameError[] of(float[] errorMap, int frames, int height, int width, int patch, boolean[] ignored) {
        if (errorMap.length != frames * height * width) {
            throw new IllegalArgumentException("expected " + frames + "x" + height + "x" + width + " = "
                    + frames * height * width + " errors, found " + errorMap.length);
        }
        if (ignored != null && ignored.length != height * width) {
            throw new IllegalArgumentException("expected " + height + "x" + width + " ignored-pixel flags, found "
                    + ignored.length);
        }
        float[] counted = ignored == null ? errorMap : withoutIgnored(errorMap, height * width, ignored);
        int visible = ignored == null ? height * width : visible(ignored);
        int side = Math.max(1, Math.min(patch, Math.min(height, width)));
        double[] integral = new double[(height + 1) * (width + 1)];
        FrameError[] out = new FrameError[frames];
        for (int f = 0; f < frames; f++) {
            double total = integrate(counted, f * height * width, height, width, integral);
            out[f] = new FrameError(visible == 0 ? 0 : total / visible, worst(integral, height, width, side).mean());
        }
        return out;
    }

    /** A copy of {@code map} ({@code frames x pixels}) with the ignored pixels of every frame set to zero. */
    public static float[] withoutIgnored(float[] map, int pixels, boolean[] ignored) {
        float[] out = map.clone();
        for (int at = 0; at < out.length; at++) {
            if (ignored[at % pixels]) {
                out[at] = 0;
            }
        }
        return out;
    }

    private static int visible(boolean[] ignored) {
        int n = 0;
        for (boolean flag : ignored) {
            n += flag ? 0 : 1;
        }
        return n;
    }

    /**
     * Where the worst patch of one frame lies (as {@link #of} finds it).
     *
     * @param frame {@code height x width} squared errors, row-major
     */
    public static Patch worstPatch(float[] frame, int height, int width, int patch) {
        if (frame.length != height * width) {
            throw new IllegalArgumentException("expected " + height + "x" + width + " = " + height * width
                    + " errors, found " + frame.length);
        }
        int side = Math.max(1, Math.min(patch, Math.min(height, width)));
        double[] integral = new double[(height + 1) * (width + 1)];
        integrate(frame, 0, height, width, integral);
        return worst(integral, height, width, side);
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

    /**
     * The worst of the patches on a grid of half a patch's stride, and of those flush with the bottom and right
     * edges, which the stride may miss.
     */
    private static Patch worst(double[] integral, int height, int width, int side) {
        int step = Math.max(1, side / 2);
        Patch worst = new Patch(0, 0, side, 0);
        for (int y = 0; y + side <= height; y += step) {
            for (int x = 0; x + side <= width; x += step) {
                worst = worse(worst, integral, width, y, x, side);
            }
        }
        for (int x = 0; x + side <= width; x += step) {
            worst = worse(worst, integral, width, height - side, x, side);
        }
        for (int y = 0; y + side <= height; y += step) {
            worst = worse(worst, integral, width, y, width - side, side);
        }
        return worse(worst, integral, width, height - side, width - side, side);
    }

    private static Patch worse(Patch worst, double[] integral, int width, int y, int x, int side) {
        double mean = boxSum(integral, width, y, x, side) / (side * side);
        return mean > worst.mean() ? new Patch(x, y, side, mean) : worst;
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

    /**
     * A square patch of a frame.
     *
     * @param x    column of its left edge
     * @param y    row of its top edge
     * @param side its side in pixels
     * @param mean mean squared error over it
     */
    public record Patch(int x, int y, int side, double mean) {
    }
}
