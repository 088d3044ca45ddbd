package dev.vad.model.nd;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * N-dimensional transposed convolution as a SameDiff subgraph, channels-first: the adjoint of
 * {@link NdConvolution} plus output padding, and a bias.
 *
 * <p>Input {@code [B, Cin, L1..LN]}, weights {@code [k1..kN, Cout, Cin]}, output {@code [B, Cout, O1..ON]} with
 * {@code O = (L - 1) s - 2p + k + op}. Above three axes the outermost one is taken apart in one of
 * {@link NdConvolution}'s two forms ({@link OuterAxis}). Banded: positions as channels and the weights a band
 * that carries tap {@code t} of input {@code i} to output {@code s*i + t - p} (positions no tap reaches, past the
 * end when {@code op > p}, stay zero), one (N-1)-D transposed convolution from {@code Cin*L1} into
 * {@code Cout*O1} channels. Gathered: the input is folded once ({@code [B*L1, Cin, L2..]}) and goes through one
 * (N-1)-D transposed convolution whose {@code k1*Cout} output channels are the {@code k1} taps; one matrix
 * product, the transpose of {@link OuterTaps}'s gathering, then places each tap and sums what lands together.
 * The recursion ends in one native 3D transposed convolution.
 */
public final class NdTransposedConvolution {
    private NdTransposedConvolution() {
    }

    /** Transposed convolution of {@code x} ({@code [B, channelsIn, lengths...]}), without bias. */
    public static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut,
            long[] lengths, SDVariable w, ConvGeometry g) {
        return transpose(sd, x, channelsIn, channelsOut, lengths, w, null, g);
    }

    /**
     * Transposed convolution of {@code x} ({@code [B, channelsIn, lengths...]}) plus bias {@code b}
     * ({@code [channelsOut]}, or null for none): added by the native op up to three axes, once at the end above.
     */
    public static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut,
            long[] lengths, SDVariable w, SDVariable b, ConvGeometry g) {
        return transpose(sd, x, channelsIn, channelsOut, lengths, w, b, g, true);
    }

    /**
     * As {@link #transpose(SameDiff, SDVariable, long, long, long[], SDVariable, SDVariable, ConvGeometry)}; with
     * {@code differentiable} false the graph may take forms ND4J cannot differentiate where they are faster (see
     * {@link ColumnTransposedConvolution}), for branches that are only run forward. With it true a 3D transposed
     * convolution into one channel is taken apart along its outermost axis into native 2D ones, as above three
     * axes: ND4J's 3D transposed convolution scatters columns back into the volume, slowly into one channel (see
     * {@link NdConvolution}'s same rule; figures: docs/performance, 2026-12-03-engine-figures).
     */
    public static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut,
            long[] lengths, SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable) {
        return transpose(sd, x, channelsIn, channelsOut, lengths, w, b, g, differentiable, OuterAxis.BY_FILL);
    }

    /** As above, with {@code rule} choosing the form of each outermost axis taken apart. */
    static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable, OuterAxis.Rule rule) {
        if (g.dimensions() != lengths.length) {
            throw new IllegalArgumentException("geometry has " + g.dimensions() + " axes but the input has "
                    + lengths.length + " spatial axes " + Arrays.toString(lengths));
        }
        boolean planesOfOneChannel = differentiable && lengths.length == 3 && channelsOut == 1;
        if (lengths.length <= 3 && !planesOfOneChannel) {
            return NativeConvolution.transpose(sd, x, channelsIn, channelsOut, lengths, w, b, g, differentiable);
        }
        long[] outLengths = g.transposedLengths(lengths);
        OuterAxis form = rule.choose(g, outLengths[0], lengths[0], channelsOut, channelsIn);
        SDVariable unbiased = form == OuterAxis.BANDED
                ? banded(sd, x, channelsIn, channelsOut, lengths, w, g, differentiable, rule)
                : gathered(sd, x, channelsIn, channelsOut, lengths, w, g, differentiable, rule);
        return Axes.addBias(sd, unbiased, b, channelsOut, lengths.length);
    }

    private static SDVariable gathered(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g, boolean differentiable, OuterAxis.Rule rule) {
        int n = lengths.length;
        int k = g.kernel(0);
        long length = lengths[0];
        long[] outLengths = g.transposedLengths(lengths);
        long out = outLengths[0];
        long[] innerLengths = Arrays.copyOfRange(lengths, 1, n);
        long[] innerOut = Arrays.copyOfRange(outLengths, 1, n);
        long perTap = channelsOut * Axes.product(innerOut);

        // [B, Cin, L1, R] -> [B, L1, Cin, R] -> [B*L1, Cin, L2..LN]
        SDVariable outerFirst = sd.permute(sd.reshape(x, -1, channelsIn, length, Axes.product(innerLengths)),
                Axes.SWAP_CHANNELS_AND_OUTER);
        SDVariable folded = sd.reshape(outerFirst, Axes.prepend(-1, channelsIn, innerLengths));
        SDVariable y = transpose(sd, folded, channelsIn, k * channelsOut, innerLengths,
                Axes.outerTapsAsChannels(sd, w, g, channelsOut, channelsIn), null, g.inner(), differentiable, rule);
        // [B, L1*k, Cout*M] -> [L1*k, B*Cout*M]: every input position's taps as rows
        SDVariable rows = sd.reshape(sd.permute(sd.reshape(y, -1, length * k, perTap), 1, 0, 2), length * k, -1);
        // placing is the transpose of the adjoint convolution's gathering, taken by the product itself
        SDVariable placed = sd.mmul(OuterTaps.gathering(sd, x, out, length, k, g.stride(0), g.padding(0)), rows,
                true, false, false);
        // [O1, B, Cout, M] -> [B, Cout, O1, M] -> [B, Cout, O1..ON]
        SDVariable channelsFirst = sd.permute(sd.reshape(placed, out, -1, channelsOut, Axes.product(innerOut)),
                1, 2, 0, 3);
        return sd.reshape(channelsFirst, Axes.prepend(-1, channelsOut, outLengths));
    }

    private static SDVariable banded(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g, boolean differentiable, OuterAxis.Rule rule) {
        int n = lengths.length;
        long length = lengths[0];
        long[] outLengths = g.transposedLengths(lengths);
        long out = outLengths[0];
        long[] innerLengths = Arrays.copyOfRange(lengths, 1, n);
        // as in NdConvolution: positions as channels, the taps a band of the weights ([.., Cout*O1, Cin*L1])
        SDVariable spreadWeights = Axes.bandedWeights(sd, w, g, channelsOut, channelsIn, out, length);
        SDVariable y = transpose(sd, sd.reshape(x, Axes.prepend(-1, channelsIn * length, innerLengths)),
                channelsIn * length, channelsOut * out, innerLengths, spreadWeights, null, g.inner(),
                differentiable, rule);
        return sd.reshape(y, Axes.prepend(-1, channelsOut, outLengths));
    }
}
