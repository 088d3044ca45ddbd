package dev.vad.model.nd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Differentiable single-axis operations on SameDiff variables whose rank is known when the graph is built:
 * strided slices, zero padding, crop-or-pad to a window, and zero insertion between elements.
 * The batch axis (0) may have any length; the operations never need it.
 */
final class Axes {
    private Axes() {
    }

    /** Elements {@code begin, begin + stride, ...} below {@code end} along {@code axis}. */
    static SDVariable slice(SameDiff sd, SDVariable x, int rank, int axis, long begin, long end, long stride) {
        long[] b = new long[rank];
        long[] e = new long[rank];
        long[] s = new long[rank];
        java.util.Arrays.fill(s, 1);
        b[axis] = begin;
        e[axis] = end;
        s[axis] = stride;
        int fullAxes = ((1 << rank) - 1) & ~(1 << axis);
        return sd.stridedSlice(x, b, e, s, fullAxes, fullAxes, 0, 0, 0);
    }

    /** Zeros added before ({@code low}) and after ({@code high}) the elements of {@code axis}. */
    static SDVariable pad(SameDiff sd, SDVariable x, int rank, int axis, long low, long high) {
        if (low == 0 && high == 0) {
            return x;
        }
        int[][] paddings = new int[rank][2];
        paddings[axis][0] = Math.toIntExact(low);
        paddings[axis][1] = Math.toIntExact(high);
        return sd.nn().pad(x, sd.constant(Nd4j.createFromArray(paddings)), 0.0);
    }

    /**
     * The window {@code [start, start + length)} of an axis of {@code available} elements, with zeros where the
     * window runs past the end.
     */
    static SDVariable window(SameDiff sd, SDVariable x, int rank, int axis, long available, long start,
            long length) {
        long end = start + length;
        SDVariable kept = start == 0 && end >= available ? x
                : slice(sd, x, rank, axis, start, Math.min(end, available), 1);
        return pad(sd, kept, rank, axis, 0, Math.max(0, end - available));
    }

    /**
     * Spreads the {@code length} elements of {@code axis} {@code stride} apart with zeros between them:
     * element {@code i} lands at {@code i * stride}; the result has {@code (length - 1) * stride + 1} elements.
     * {@code shape} is the full shape of {@code x} with -1 for the batch.
     */
    static SDVariable spread(SameDiff sd, SDVariable x, long[] shape, int axis, long stride) {
        if (stride == 1) {
            return x;
        }
        int rank = shape.length;
        SDVariable expanded = sd.expandDims(x, axis + 1);
        SDVariable[] parts = new SDVariable[Math.toIntExact(stride)];
        parts[0] = expanded;
        SDVariable zeros = sd.zerosLike(expanded);
        for (int i = 1; i < parts.length; i++) {
            parts[i] = zeros;
        }
        long[] merged = shape.clone();
        merged[axis] = shape[axis] * stride;
        SDVariable interleaved = sd.reshape(sd.concat(axis + 1, parts), merged);
        return slice(sd, interleaved, rank, axis, 0, (shape[axis] - 1) * stride + 1, 1);
    }

    /**
     * Tap {@code t} of the outermost kernel axis of weights {@code [k1, k2.., a, b]}: {@code [k2.., a, b]}.
     * (A plain slice and reshape: ND4J's gradient of a rank-reducing point index fails on some shapes.)
     */
    static SDVariable tap(SameDiff sd, SDVariable w, ConvGeometry g, long a, long b, int t) {
        int n = g.dimensions();
        long[] innerShape = new long[n + 1];
        for (int i = 1; i < n; i++) {
            innerShape[i - 1] = g.kernel(i);
        }
        innerShape[n - 1] = a;
        innerShape[n] = b;
        return sd.reshape(slice(sd, w, n + 2, 0, t, t + 1, 1), innerShape);
    }

    /** Permutation exchanging axes 1 (channels) and 2 (outermost spatial axis) of a rank-{@code rank} array. */
    static int[] swapChannelsAndOuter(int rank) {
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[1] = 2;
        perm[2] = 1;
        return perm;
    }

    /** {@code [first, rest...]} as one array. */
    static long[] prepend(long first, long second, long[] rest) {
        long[] out = new long[rest.length + 2];
        out[0] = first;
        out[1] = second;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }
}
