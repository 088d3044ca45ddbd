package dev.vad.model.nd;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * N-dimensional convolution (N = 1..6 and beyond) as a SameDiff subgraph, channels-first.
 *
 * <p>Input {@code [B, Cin, L1..LN]}, weights {@code [k1..kN, Cin, Cout]}, output {@code [B, Cout, O1..ON]}.
 * Up to three axes run natively ({@link NativeConvolution}). Above that, the outermost axis is taken apart
 * tap by tap: {@code y[o] = sum_t conv_{N-1}(x[s*o + t - p], w[t])}. One matrix product ({@link OuterTaps})
 * gathers, for every output position {@code o}, the {@code k1} input slices its taps read (zeros in the
 * padding); they are stacked as channels and the output positions folded into the batch, so the sum over taps is
 * one (N-1)-D convolution with {@code k1*Cin} input channels over a batch of {@code B*O1}. The recursion ends in
 * one native 3D convolution with {@code k1*..*k(N-3)*Cin} input channels. The copies work on rank-3 views, which
 * ND4J moves several times faster than rank-6 ones; no Java loop touches an element.
 */
public final class NdConvolution {
    private NdConvolution() {
    }

    /** Convolves {@code x} ({@code [B, channelsIn, lengths...]}) with {@code w}, without bias. */
    public static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g) {
        return convolve(sd, x, channelsIn, channelsOut, lengths, w, null, g);
    }

    /**
     * Convolves {@code x} ({@code [B, channelsIn, lengths...]}) with {@code w} and adds bias {@code b}
     * ({@code [channelsOut]}, or null for none) in the one native convolution at the bottom of the hierarchy.
     */
    public static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g) {
        return convolve(sd, x, channelsIn, channelsOut, lengths, w, b, g, true);
    }

    /**
     * As {@link #convolve(SameDiff, SDVariable, long, long, long[], SDVariable, SDVariable, ConvGeometry)} (which
     * passes true); in a graph that is differentiated ({@code differentiable}) a 3D convolution of one input
     * channel is taken apart along its outermost axis into native 2D ones, as above three axes. ND4J computes a 3D convolution's input gradient by
     * scattering columns back into the volume, which is slow into one channel: compact 3D's first layer (1 → 8
     * channels, 8 x 64 x 64, batch 32, one thread) spent 38 ms of a 140 to 170 ms training step in its gradient op;
     * with this and the same for {@link NdTransposedConvolution}'s last layer the step took 100 to 125 ms.
     */
    public static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable) {
        if (g.dimensions() != lengths.length) {
            throw new IllegalArgumentException("geometry has " + g.dimensions() + " axes but the input has "
                    + lengths.length + " spatial axes " + Arrays.toString(lengths));
        }
        boolean planesOfOneChannel = differentiable && lengths.length == 3 && channelsIn == 1;
        if (lengths.length <= 3 && !planesOfOneChannel) {
            return NativeConvolution.convolve(sd, x, channelsIn, channelsOut, lengths, w, b, g);
        }
        int n = lengths.length;
        int k = g.kernel(0);
        long length = lengths[0];
        long[] outLengths = g.convolvedLengths(lengths);
        long out = outLengths[0];
        long[] innerLengths = Arrays.copyOfRange(lengths, 1, n);
        long inner = Axes.product(innerLengths);

        // [B*Cin, L1, R] -> [L1, B*Cin*R]: the outer axis as rows
        SDVariable rows = sd.reshape(sd.permute(sd.reshape(x, -1, length, inner), 1, 0, 2), length, -1);
        SDVariable gathered = sd.mmul(OuterTaps.gathering(sd, x, length, out, k, g.stride(0), g.padding(0)), rows);
        // [O1*k, B, Cin*R] -> [B, O1*k, Cin*R] -> [B*O1, k*Cin, L2..LN]
        SDVariable byExample = sd.permute(sd.reshape(gathered, out * k, -1, channelsIn * inner), 1, 0, 2);
        long stackedChannels = k * channelsIn;
        SDVariable stacked = sd.reshape(byExample, Axes.prepend(-1, stackedChannels, innerLengths));
        SDVariable y = convolve(sd, stacked, stackedChannels, channelsOut, innerLengths,
                Axes.outerTapsAsChannels(sd, w, g, channelsIn, channelsOut), b, g.inner(), differentiable);
        return Axes.unfoldOuter(sd, y, out, channelsOut, outLengths);
    }
}
