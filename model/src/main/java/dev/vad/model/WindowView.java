package dev.vad.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a batch of windows {@code [windows, C, T, H, W]} (T frames of H x W) is presented to a model of 1-6
 * spatial axes. Every view is a pure reshape (plus, for 1D/2D, moving frames into the batch): each axis carries
 * real data, nothing is copied or dropped, and {@link #fromView} restores the window exactly.
 * <pre>
 * 1D  [windows*T, C, H*W]                    one flattened frame per example
 * 2D  [windows*T, C, H, W]                   one frame per example
 * 3D  [windows, C, T, H, W]                  the window as time x height x width
 * 4D  [windows, C, T1, T2, H, W]             T = T1*T2: frame t1*T2 + t2 (slow time, fast time)
 * 5D  [windows, C, T, Hb, Hp, Wb, Wp]        H = Hb*Hp: row hb*Hp + hp (block, pixel in block); W alike
 * 6D  [windows, C, T1, T2, Hb, Hp, Wb, Wp]   both splits
 * </pre>
 *
 * @param dimensions   spatial axes of the model, 1-6
 * @param frames       T
 * @param height       H
 * @param width        W
 * @param timeOuter    T1 (4D, 6D; else 1)
 * @param heightBlocks Hb (5D, 6D; else 1)
 * @param widthBlocks  Wb (5D, 6D; else 1)
 */
public record WindowView(int dimensions, int frames, int height, int width, int timeOuter, int heightBlocks,
        int widthBlocks) {

    public WindowView {
        if (dimensions < 1 || dimensions > 6) {
            throw new IllegalArgumentException("a window view has 1-6 spatial axes, found " + dimensions);
        }
        boolean splitsTime = dimensions == 4 || dimensions == 6;
        boolean splitsSpace = dimensions >= 5;
        check("frames", frames, timeOuter, splitsTime);
        check("height", height, heightBlocks, splitsSpace);
        check("width", width, widthBlocks, splitsSpace);
        timeOuter = splitsTime ? timeOuter : 1;
        heightBlocks = splitsSpace ? heightBlocks : 1;
        widthBlocks = splitsSpace ? widthBlocks : 1;
    }

    /**
     * The natural view: each split axis {@code n = a*b} takes the largest {@code a <= sqrt(n)}
     * (16 frames → 4x4, 8 → 2x4, 64 pixels → 8x8, 48 → 6x8); fails when a needed split would leave a factor 1.
     */
    public static WindowView natural(int dimensions, int frames, int height, int width) {
        return new WindowView(dimensions, frames, height, width, outerFactor(frames), outerFactor(height),
                outerFactor(width));
    }

    /** The model's spatial shape for this view: the {@code spatialShape} of its {@link ModelSpec}. */
    public List<Integer> spatialShape() {
        switch (dimensions) {
            case 1: return List.of(height * width);
            case 2: return List.of(height, width);
            case 3: return List.of(frames, height, width);
            case 4: return List.of(timeOuter, frames / timeOuter, height, width);
            case 5: return List.of(frames, heightBlocks, height / heightBlocks, widthBlocks, width / widthBlocks);
            default: return List.of(timeOuter, frames / timeOuter, heightBlocks, height / heightBlocks,
                    widthBlocks, width / widthBlocks);
        }
    }

    /**
     * The window {@code (T, H, W)} that a 3D-6D view of {@code viewLengths} shows: every view is a reshape of the
     * window, so this is a reshape back (4D: T = T1*T2; 5D: H = Hb*Hp, W = Wb*Wp; 6D: both).
     */
    static long[] windowLengths(long[] viewLengths) {
        long[] l = viewLengths;
        switch (l.length) {
            case 3: return l.clone();
            case 4: return new long[] {l[0] * l[1], l[2], l[3]};
            case 5: return new long[] {l[0], l[1] * l[2], l[3] * l[4]};
            case 6: return new long[] {l[0] * l[1], l[2] * l[3], l[4] * l[5]};
            default: throw new IllegalArgumentException("a " + l.length + "D view shows frames, not windows");
        }
    }

    /** The axes of one example, e.g. {@code t,h,w} (3D) or {@code t1,t2,h,w} (4D): the artifact's view field. */
    public String describe() {
        switch (dimensions) {
            case 1: return "hw";
            case 2: return "h,w";
            case 3: return "t,h,w";
            case 4: return "t1,t2,h,w";
            case 5: return "t,hb,hp,wb,wp";
            default: return "t1,t2,hb,hp,wb,wp";
        }
    }

    /** The model batch for windows {@code [windows, C, T, H, W]}. */
    public INDArray toView(INDArray windows) {
        long[] s = windows.shape();
        if (s.length != 5 || s[2] != frames || s[3] != height || s[4] != width) {
            throw new IllegalArgumentException("expected windows [windows, channels, " + frames + ", " + height
                    + ", " + width + "], found " + java.util.Arrays.toString(s));
        }
        long n = s[0];
        long c = s[1];
        if (dimensions <= 2) {
            INDArray frameMajor = windows.permute(0, 2, 1, 3, 4).dup('c');
            return dimensions == 1 ? frameMajor.reshape('c', n * frames, c, (long) height * width)
                    : frameMajor.reshape('c', n * frames, c, height, width);
        }
        return windows.dup('c').reshape('c', batchShape(n, c));
    }

    /** The windows {@code [windows, C, T, H, W]} for a model batch in this view (e.g. a reconstruction). */
    public INDArray fromView(INDArray view) {
        long c = view.size(1);
        if (dimensions <= 2) {
            long n = view.size(0) / frames;
            return view.dup('c').reshape('c', n, frames, c, height, width).permute(0, 2, 1, 3, 4).dup('c');
        }
        return view.dup('c').reshape('c', view.size(0), c, frames, height, width);
    }

    private long[] batchShape(long n, long c) {
        List<Integer> spatial = spatialShape();
        long[] shape = new long[spatial.size() + 2];
        shape[0] = n;
        shape[1] = c;
        for (int i = 0; i < spatial.size(); i++) {
            shape[i + 2] = spatial.get(i);
        }
        return shape;
    }

    private static void check(String axis, int length, int outer, boolean split) {
        if (length < 1) {
            throw new IllegalArgumentException(axis + " must be positive, found " + length);
        }
        if (split && (outer < 2 || outer >= length || length % outer != 0)) {
            throw new IllegalArgumentException(axis + " " + length + " cannot be split into " + outer
                    + " x " + (outer == 0 ? "?" : length / (double) outer) + " with both factors at least 2"
                    + "; use a length with such a factor (e.g. 8, 16, 64) or fewer dimensions");
        }
    }

    private static int outerFactor(int n) {
        int best = 1;
        for (int a = 2; (long) a * a <= n; a++) {
            if (n % a == 0) {
                best = a;
            }
        }
        return best;
    }
}
