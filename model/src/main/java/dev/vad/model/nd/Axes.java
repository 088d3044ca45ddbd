package dev.vad.model.nd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Differentiable single-axis operations on SameDiff variables whose rank is known when the graph is built:
 * strided slices, zero padding, crop-or-pad to windows, and the reshapes of the N-D hierarchy.
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
     * The windows {@code [start[i], start[i] + length[i])} of the spatial axes ({@code 2..}) of lengths
     * {@code available[i]}, with zeros where a window runs past the end: one strided slice over every axis that is
     * cut, then the padding.
     */
    static SDVariable windows(SameDiff sd, SDVariable x, long[] available, long[] start, long[] length) {
        int rank = available.length + 2;
        long[] b = new long[rank];
        long[] e = new long[rank];
        long[] s = new long[rank];
        java.util.Arrays.fill(s, 1);
        int fullAxes = (1 << rank) - 1;
        for (int i = 0; i < available.length; i++) {
            long end = Math.min(start[i] + length[i], available[i]);
            if (start[i] > 0 || end < available[i]) {
                b[i + 2] = start[i];
                e[i + 2] = end;
                fullAxes &= ~(1 << (i + 2));
            }
        }
        SDVariable kept = fullAxes == (1 << rank) - 1 ? x : sd.stridedSlice(x, b, e, s, fullAxes, fullAxes, 0, 0, 0);
        for (int i = 0; i < available.length; i++) {
            kept = pad(sd, kept, rank, i + 2, 0, Math.max(0, start[i] + length[i] - available[i]));
        }
        return kept;
    }

    /** The permutation exchanging axes 1 and 2 of a rank-4 array: channels and the outermost spatial axis. */
    static final int[] SWAP_CHANNELS_AND_OUTER = {0, 2, 1, 3};

    /**
     * Weights {@code [k1, k2.., a, b]} with the taps of the outermost kernel axis stacked into the {@code a} axis:
     * {@code [k2.., k1*a, b]}, tap {@code t} of channel {@code c} at {@code t*a + c}.
     */
    static SDVariable outerTapsAsChannels(SameDiff sd, SDVariable w, ConvGeometry g, long a, long b) {
        long innerTaps = g.taps() / g.kernel(0);
        // [k1, k2*..*kN, a*b] -> [k2*..*kN, k1, a*b]: a rank-3 permutation, far faster in ND4J than rank N+2
        SDVariable tapsInward = sd.permute(sd.reshape(w, g.kernel(0), innerTaps, a * b), 1, 0, 2);
        return sd.reshape(tapsInward, innerKernel(g, g.kernel(0) * a, b));
    }

    /**
     * Weights {@code [k1, k2.., a, b]} spread over the positions of the outermost axis of {@code g} through its
     * {@link OuterTaps#band} ({@code [k1, aLength*bLength]}): {@code [k2.., a*aLength, b*bLength]}, where the
     * entry of channels {@code (i, j)} at positions {@code (u, v)}, at {@code i*aLength + u} and
     * {@code j*bLength + v}, is the sum over taps {@code t} of {@code w[t, .., i, j] * band[t, u*bLength + v]}:
     * tap {@code t}'s weights where position {@code u} meets {@code v} through {@code t}, zero elsewhere.
     */
    static SDVariable bandedWeights(SameDiff sd, SDVariable w, ConvGeometry g, long a, long b, long aLength,
            long bLength) {
        SDVariable band = sd.constant(OuterTaps.band(aLength, bLength, g.kernel(0), g.stride(0), g.padding(0),
                w.dataType()));
        long innerTaps = g.taps() / g.kernel(0);
        // [k1, K*a*b]^T [k1, aLength*bLength] -> [K, a, b, aLength, bLength] -> [K, a, aLength, b, bLength]
        SDVariable spread = sd.mmul(sd.reshape(w, g.kernel(0), innerTaps * a * b), band, true, false, false);
        SDVariable grouped = sd.permute(sd.reshape(spread, innerTaps, a, b, aLength, bLength), 0, 1, 3, 2, 4);
        return sd.reshape(grouped, innerKernel(g, a * aLength, b * bLength));
    }

    /** The weight shape of the inner convolution, {@code [k2.., first, second]}. */
    private static long[] innerKernel(ConvGeometry g, long first, long second) {
        int n = g.dimensions();
        long[] shape = new long[n + 1];
        for (int i = 1; i < n; i++) {
            shape[i - 1] = g.kernel(i);
        }
        shape[n - 1] = first;
        shape[n] = second;
        return shape;
    }

    /**
     * A convolution's output with the outer positions folded into the batch, {@code [B*O1, C, O2..ON]}, back to
     * channels-first {@code [B, C, O1..ON]} ({@code outLengths} is {@code O1..ON}).
     */
    static SDVariable unfoldOuter(SameDiff sd, SDVariable y, long outer, long channels, long[] outLengths) {
        long innerSize = product(outLengths) / outer;
        SDVariable channelsFirst = sd.permute(sd.reshape(y, -1, outer, channels, innerSize),
                SWAP_CHANNELS_AND_OUTER);
        return sd.reshape(channelsFirst, prepend(-1, channels, outLengths));
    }

    /** {@code y} ({@code [B, channels, L1..LN]}) plus a per-channel bias {@code [channels]}, or {@code y} when null. */
    static SDVariable addBias(SameDiff sd, SDVariable y, SDVariable bias, long channels, int dimensions) {
        return bias == null ? y : y.add(sd.reshape(bias, channelBroadcast(channels, dimensions)));
    }

    /** Each of the {@code channels} values of {@code v} {@code times} times in a row: {@code [channels*times]}. */
    static SDVariable repeated(SameDiff sd, SDVariable v, long channels, long times) {
        SDVariable ones = sd.constant(Nd4j.ones(v.dataType(), 1, times));
        return sd.reshape(sd.mmul(sd.reshape(v, channels, 1), ones), channels * times);
    }

    /** {@code [1, channels, 1, ...]} with {@code dimensions} ones after the channels: a per-channel broadcast. */
    static long[] channelBroadcast(long channels, int dimensions) {
        long[] shape = new long[dimensions + 2];
        java.util.Arrays.fill(shape, 1);
        shape[1] = channels;
        return shape;
    }

    /** The product of the lengths. */
    static long product(long[] lengths) {
        long p = 1;
        for (long length : lengths) {
            p *= length;
        }
        return p;
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
