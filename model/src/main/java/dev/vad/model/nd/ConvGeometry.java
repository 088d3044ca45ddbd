package dev.vad.model.nd;

import java.util.Arrays;

/**
 * Kernel size, stride, padding and output padding of an N-dimensional convolution, one value per spatial axis
 * (outermost first). Dilation is always 1.
 *
 * <p>Lengths follow PyTorch: a convolution maps {@code L} to {@code floor((L + 2p - k) / s) + 1}; a transposed
 * convolution maps {@code L} to {@code (L - 1) s - 2p + k + op}, where the {@code op} extra positions at the high
 * end are computed in full (they are not zeros).
 */
public final class ConvGeometry {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;

    private ConvGeometry(int[] kernel, int[] stride, int[] padding, int[] outputPadding) {
        int n = kernel.length;
        if (n == 0 || stride.length != n || padding.length != n || outputPadding.length != n) {
            throw new IllegalArgumentException("kernel, stride, padding and output padding need one value per axis,"
                    + " found " + Arrays.toString(kernel) + ", " + Arrays.toString(stride) + ", "
                    + Arrays.toString(padding) + ", " + Arrays.toString(outputPadding));
        }
        for (int i = 0; i < n; i++) {
            if (kernel[i] < 1 || stride[i] < 1 || padding[i] < 0 || outputPadding[i] < 0) {
                throw new IllegalArgumentException("axis " + i + ": expected kernel >= 1, stride >= 1, padding >= 0"
                        + " and output padding >= 0, found kernel " + kernel[i] + ", stride " + stride[i]
                        + ", padding " + padding[i] + ", output padding " + outputPadding[i]);
            }
        }
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.outputPadding = outputPadding.clone();
    }

    /** Per-axis geometry; arrays are copied. */
    public static ConvGeometry of(int[] kernel, int[] stride, int[] padding, int[] outputPadding) {
        return new ConvGeometry(kernel, stride, padding, outputPadding);
    }

    /** The same kernel, stride and padding on every one of {@code dimensions} axes, no output padding. */
    public static ConvGeometry uniform(int dimensions, int kernel, int stride, int padding) {
        return uniform(dimensions, kernel, stride, padding, 0);
    }

    /** The same kernel, stride, padding and output padding on every one of {@code dimensions} axes. */
    public static ConvGeometry uniform(int dimensions, int kernel, int stride, int padding, int outputPadding) {
        return new ConvGeometry(filled(dimensions, kernel), filled(dimensions, stride), filled(dimensions, padding),
                filled(dimensions, outputPadding));
    }

    /** This geometry with its output padding replaced, one value per axis. */
    public ConvGeometry withOutputPadding(int[] newOutputPadding) {
        return new ConvGeometry(kernel, stride, padding, newOutputPadding);
    }

    /**
     * This geometry with the output padding that makes the transposed convolution map {@code in} to exactly
     * {@code target} on every axis; fails when no output padding in {@code [0, stride)} does.
     */
    public ConvGeometry restoring(long[] in, long[] target) {
        long[] natural = withOutputPadding(new int[kernel.length]).transposedLengths(in);
        int[] op = new int[kernel.length];
        for (int i = 0; i < op.length; i++) {
            long missing = target[i] - natural[i];
            if (missing < 0 || missing >= stride[i]) {
                throw new IllegalArgumentException("axis " + i + ": a transposed convolution with " + this
                        + " maps length " + in[i] + " to " + natural[i] + ".." + (natural[i] + stride[i] - 1)
                        + ", not to " + target[i]);
            }
            op[i] = (int) missing;
        }
        return withOutputPadding(op);
    }

    public int dimensions() {
        return kernel.length;
    }

    public int kernel(int axis) {
        return kernel[axis];
    }

    public int stride(int axis) {
        return stride[axis];
    }

    public int padding(int axis) {
        return padding[axis];
    }

    public int outputPadding(int axis) {
        return outputPadding[axis];
    }

    /** Number of kernel taps (product of the kernel sizes). */
    public long taps() {
        long taps = 1;
        for (int k : kernel) {
            taps *= k;
        }
        return taps;
    }

    /** The geometry of the axes after the outermost one (the inner convolution of the hierarchy). */
    public ConvGeometry inner() {
        return new ConvGeometry(tail(kernel), tail(stride), tail(padding), tail(outputPadding));
    }

    /** Output lengths of the convolution for the given input lengths; fails when an axis would be empty. */
    public long[] convolvedLengths(long[] lengths) {
        checkAxes(lengths);
        long[] out = new long[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            long padded = lengths[i] + 2L * padding[i];
            if (padded < kernel[i]) {
                throw new IllegalArgumentException("axis " + i + " of length " + lengths[i] + " with padding "
                        + padding[i] + " is shorter than kernel " + kernel[i]);
            }
            out[i] = (padded - kernel[i]) / stride[i] + 1;
        }
        return out;
    }

    /** Output lengths of the transposed convolution for the given input lengths. */
    public long[] transposedLengths(long[] lengths) {
        checkAxes(lengths);
        long[] out = new long[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            out[i] = (lengths[i] - 1) * stride[i] - 2L * padding[i] + kernel[i] + outputPadding[i];
            if (out[i] < 1) {
                throw new IllegalArgumentException("axis " + i + " of length " + lengths[i]
                        + " gives an empty transposed convolution output with " + this);
            }
        }
        return out;
    }

    private void checkAxes(long[] lengths) {
        if (lengths.length != kernel.length) {
            throw new IllegalArgumentException("expected " + kernel.length + " spatial lengths, found "
                    + Arrays.toString(lengths));
        }
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static int[] tail(int[] a) {
        return Arrays.copyOfRange(a, 1, a.length);
    }

    @Override
    public String toString() {
        return "kernel " + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride) + ", padding "
                + Arrays.toString(padding) + ", output padding " + Arrays.toString(outputPadding);
    }
}
