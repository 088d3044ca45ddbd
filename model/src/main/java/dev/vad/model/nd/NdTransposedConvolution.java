package dev.vad.model.nd;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * N-dimensional transposed convolution as a SameDiff subgraph, channels-first, without bias: the adjoint of
 * {@link NdConvolution} plus output padding.
 *
 * <p>Input {@code [B, Cin, L1..LN]}, weights {@code [k1..kN, Cout, Cin]}, output {@code [B, Cout, O1..ON]} with
 * {@code O = (L - 1) s - 2p + k + op}. Above three axes the outermost one is taken apart tap by tap: the input is
 * folded once ({@code [B*L1, Cin, L2..]}), each tap {@code t} is one (N-1)-D transposed convolution of the fold,
 * unfolded, spread {@code s} apart with zeros and shifted by {@code t} (input {@code i} lands on
 * {@code s*i + t}); the sum over taps is then cut to the window {@code [p, p + O)}, with zeros past the end when
 * {@code op > p}. The recursion ends in native 3D transposed convolutions.
 */
public final class NdTransposedConvolution {
    private NdTransposedConvolution() {
    }

    /** Transposed convolution of {@code x} ({@code [B, channelsIn, lengths...]}); the caller adds the bias. */
    public static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut,
            long[] lengths, SDVariable w, ConvGeometry g) {
        if (g.dimensions() != lengths.length) {
            throw new IllegalArgumentException("geometry has " + g.dimensions() + " axes but the input has "
                    + lengths.length + " spatial axes " + Arrays.toString(lengths));
        }
        if (lengths.length <= 3) {
            return NativeConvolution.transpose(sd, x, channelsIn, channelsOut, lengths, w, g);
        }
        int n = lengths.length;
        int rank = n + 2;
        int k = g.kernel(0);
        int s = g.stride(0);
        long length = lengths[0];
        long full = (length - 1) * s + k;
        long[] outLengths = g.transposedLengths(lengths);
        long[] innerLengths = Arrays.copyOfRange(lengths, 1, n);
        long[] innerOut = Arrays.copyOfRange(outLengths, 1, n);
        ConvGeometry inner = g.inner();

        SDVariable outerFirst = sd.permute(x, Axes.swapChannelsAndOuter(rank));
        SDVariable folded = sd.reshape(outerFirst, Axes.prepend(-1, channelsIn, innerLengths));
        long[] unfolded = new long[rank];
        unfolded[0] = -1;
        unfolded[1] = length;
        unfolded[2] = channelsOut;
        System.arraycopy(innerOut, 0, unfolded, 3, innerOut.length);
        long spreadLength = (length - 1) * s + 1;
        SDVariable sum = null;
        for (int t = 0; t < k; t++) {
            SDVariable tap = Axes.tap(sd, w, g, channelsOut, channelsIn, t);
            SDVariable y = transpose(sd, folded, channelsIn, channelsOut, innerLengths, tap, inner);
            SDVariable spread = Axes.spread(sd, sd.reshape(y, unfolded), unfolded, 1, s);
            SDVariable placed = Axes.pad(sd, spread, rank, 1, t, full - spreadLength - t);
            sum = sum == null ? placed : sum.add(placed);
        }
        SDVariable cut = Axes.window(sd, sum, rank, 1, full, g.padding(0), outLengths[0]);
        return sd.permute(cut, Axes.swapChannelsAndOuter(rank));
    }
}
