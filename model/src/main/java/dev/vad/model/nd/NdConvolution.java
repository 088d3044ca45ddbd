package dev.vad.model.nd;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * N-dimensional convolution (N = 1..6 and beyond) as a SameDiff subgraph, channels-first.
 *
 * <p>Input {@code [B, Cin, L1..LN]}, weights {@code [k1..kN, Cin, Cout]}, output {@code [B, Cout, O1..ON]}.
 * Up to three axes run natively ({@link NativeConvolution}). Above that, the outermost axis is taken apart:
 * {@code y[o] = sum_t conv_{N-1}(x[s*o + t - p], w[t])}, in one of two forms ({@link OuterAxis}), each a single
 * (N-1)-D convolution, recursively down to one native 3D convolution; no Java loop touches an element.
 * <ul>
 * <li>Banded (short axes): the axis's positions are channels, {@code [B, Cin*L1, L2..LN]}, a free reshape, and
 * the weights a band that joins input position {@code s*o + t - p} to output position {@code o} through tap
 * {@code t} ({@link Axes#bandedWeights}); the output {@code [B, Cout*O1, ..]} is channels-first as it is.</li>
 * <li>Gathered (long axes): one matrix product ({@link OuterTaps}) gathers, for every output position, the
 * {@code k1} input slices its taps read (zeros in the padding); they are stacked as channels and the output
 * positions folded into the batch: {@code k1*Cin} input channels over a batch of {@code B*O1}. The copies work
 * on rank-3 views, which ND4J moves several times faster than rank-6 ones.</li>
 * </ul>
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
     * channel is taken apart along its outermost axis into native 2D ones, as above three axes. ND4J computes a 3D
     * convolution's input gradient by scattering columns back into the volume, which is slow into one channel: in
     * compact 3D's first layer it was a quarter of a training step (figures: docs/performance,
     * 2026-12-03-engine-figures).
     */
    public static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable) {
        return convolve(sd, x, channelsIn, channelsOut, lengths, w, b, g, differentiable, OuterAxis.BY_FILL);
    }

    /** As above, with {@code rule} choosing the form of each outermost axis taken apart. */
    static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable, OuterAxis.Rule rule) {
        if (g.dimensions() != lengths.length) {
            throw new IllegalArgumentException("geometry has " + g.dimensions() + " axes but the input has "
                    + lengths.length + " spatial axes " + Arrays.toString(lengths));
        }
        boolean planesOfOneChannel = differentiable && lengths.length == 3 && channelsIn == 1;
        if (lengths.length <= 3 && !planesOfOneChannel) {
            return NativeConvolution.convolve(sd, x, channelsIn, channelsOut, lengths, w, b, g);
        }
        long length = lengths[0];
        long out = g.convolvedLengths(lengths)[0];
        OuterAxis form = rule.choose(g, length, out, channelsIn, channelsOut);
        return form == OuterAxis.BANDED
                ? banded(sd, x, channelsIn, channelsOut, lengths, w, b, g, differentiable, rule)
                : gathered(sd, x, channelsIn, channelsOut, lengths, w, b, g, differentiable, rule);
    }

    private static SDVariable gathered(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable, OuterAxis.Rule rule) {
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
                Axes.outerTapsAsChannels(sd, w, g, channelsIn, channelsOut), b, g.inner(), differentiable, rule);
        return Axes.unfoldOuter(sd, y, out, channelsOut, outLengths);
    }

    private static SDVariable banded(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable, OuterAxis.Rule rule) {
        int n = lengths.length;
        long length = lengths[0];
        long[] outLengths = g.convolvedLengths(lengths);
        long out = outLengths[0];
        long[] innerLengths = Arrays.copyOfRange(lengths, 1, n);
        // [B, Cin, L1, L2..] is [B, Cin*L1, L2..]: channel c at position i is channel c*L1 + i, likewise the output
        SDVariable spreadWeights = Axes.bandedWeights(sd, w, g, channelsIn, channelsOut, length, out);
        SDVariable spreadBias = b == null ? null : Axes.repeated(sd, b, channelsOut, out);
        SDVariable y = convolve(sd, sd.reshape(x, Axes.prepend(-1, channelsIn * length, innerLengths)),
                channelsIn * length, channelsOut * out, innerLengths, spreadWeights, spreadBias, g.inner(),
                differentiable, rule);
        return sd.reshape(y, Axes.prepend(-1, channelsOut, outLengths));
    }
}
