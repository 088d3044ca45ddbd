package dev.vad.model.nd;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * N-dimensional convolution (N = 1..6 and beyond) as a SameDiff subgraph, channels-first, without bias.
 *
 * <p>Input {@code [B, Cin, L1..LN]}, weights {@code [k1..kN, Cin, Cout]}, output {@code [B, Cout, O1..ON]}.
 * Up to three axes run natively ({@link NativeConvolution}). Above that, the outermost axis is taken apart
 * tap by tap: {@code y[o] = sum_t conv_{N-1}(x[s*o + t - p], w[t])}. The zero-padded input is permuted once so
 * the outer axis sits next to the batch; each tap is one strided slice of it, folded into the batch, and one
 * (N-1)-D convolution of the whole fold. The recursion ends in native 3D convolutions, {@code k1*..*k(N-3)} of
 * them, each over a batch of {@code B*O1*..*O(N-3)}; no Java loop touches an element.
 */
public final class NdConvolution {
    private NdConvolution() {
    }

    /**
     * Convolves {@code x} ({@code [B, channelsIn, lengths...]}) with {@code w}; the caller adds the bias once.
     */
    public static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g) {
        if (g.dimensions() != lengths.length) {
            throw new IllegalArgumentException("geometry has " + g.dimensions() + " axes but the input has "
                    + lengths.length + " spatial axes " + Arrays.toString(lengths));
        }
        if (lengths.length <= 3) {
            return NativeConvolution.convolve(sd, x, channelsIn, channelsOut, lengths, w, g);
        }
        int n = lengths.length;
        int rank = n + 2;
        int k = g.kernel(0);
        int s = g.stride(0);
        long[] outLengths = g.convolvedLengths(lengths);
        long out = outLengths[0];
        long[] innerLengths = Arrays.copyOfRange(lengths, 1, n);
        long[] innerOut = Arrays.copyOfRange(outLengths, 1, n);
        ConvGeometry inner = g.inner();

        SDVariable padded = Axes.pad(sd, x, rank, 2, g.padding(0), g.padding(0));
        SDVariable outerFirst = sd.permute(padded, Axes.swapChannelsAndOuter(rank));
        long[] folded = Axes.prepend(-1, channelsIn, innerLengths);
        SDVariable sum = null;
        for (int t = 0; t < k; t++) {
            SDVariable taps = Axes.slice(sd, outerFirst, rank, 1, t, t + s * (out - 1) + 1, s);
            SDVariable y = convolve(sd, sd.reshape(taps, folded), channelsIn, channelsOut, innerLengths,
                    Axes.tap(sd, w, g, channelsIn, channelsOut, t), inner);
            sum = sum == null ? y : sum.add(y);
        }
        long[] unfolded = new long[rank];
        unfolded[0] = -1;
        unfolded[1] = out;
        unfolded[2] = channelsOut;
        System.arraycopy(innerOut, 0, unfolded, 3, innerOut.length);
        return sd.permute(sd.reshape(sum, unfolded), Axes.swapChannelsAndOuter(rank));
    }
}
