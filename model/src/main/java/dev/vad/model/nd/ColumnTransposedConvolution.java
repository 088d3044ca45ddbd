package dev.vad.model.nd;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Col2Im;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2D or 3D transposed convolution into few channels, for graphs that are only run forward: every input
 * position's contributions to its output taps come from one matrix product per example, and ND4J's {@code col2im}
 * sums the taps of the last two axes into the output, dropping the padding and leaving output-padding positions no
 * tap reaches at zero, so there is nothing to cut. In 3D the depth taps are first placed at their output depths by
 * a matrix product with the transpose of {@link OuterTaps}'s gathering, as the N-D hierarchy places its outer taps.
 * ND4J's own transposed convolutions (oneDNN's in 2D) are slow into one or two channels; from three channels on
 * the native op is as fast or faster (figures: docs/performance, 2026-12-01-column-transposed-convolutions). ND4J
 * cannot differentiate {@code col2im}, so training graphs keep the native op.
 *
 * <p>Input {@code [B, Cin, L...]}, weights {@code [k..., Cout, Cin]} (the native op's), output
 * {@code [B, Cout, O...]} per {@link ConvGeometry}, without bias.
 */
final class ColumnTransposedConvolution {
    /** The most output channels for which this form is faster than the native op. */
    static final long MAX_CHANNELS_OUT = 2;

    private ColumnTransposedConvolution() {
    }

    static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g) {
        return switch (lengths.length) {
            case 2 -> planar(sd, x, channelsIn, channelsOut, lengths, w, g);
            case 3 -> volumetric(sd, x, channelsIn, channelsOut, lengths, w, g);
            default -> throw new IllegalArgumentException("2 or 3 spatial axes, found " + lengths.length);
        };
    }

    private static SDVariable planar(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g) {
        long taps = channelsOut * g.kernel(0) * g.kernel(1);
        // [kH, kW, Cout, Cin] -> [Cout, kH, kW, Cin]: one row of taps per output channel and kernel position
        SDVariable rows = sd.reshape(sd.permute(w, 2, 0, 1, 3), 1, taps, channelsIn);
        SDVariable columns = sd.mmul(repeated(sd, rows, examples(sd, x)),
                sd.reshape(x, -1, channelsIn, lengths[0] * lengths[1]));
        SDVariable perTap = sd.reshape(columns, -1, channelsOut, g.kernel(0), g.kernel(1), lengths[0], lengths[1]);
        long[] out = g.transposedLengths(lengths);
        return imageFromColumns(sd, perTap, g, 0, out[0], out[1]);
    }

    private static SDVariable volumetric(SameDiff sd, SDVariable x, long channelsIn, long channelsOut,
            long[] lengths, SDVariable w, ConvGeometry g) {
        long depth = lengths[0];
        long plane = lengths[1] * lengths[2];
        int kd = g.kernel(0);
        long planeTaps = channelsOut * g.kernel(1) * g.kernel(2);
        long[] out = g.transposedLengths(lengths);
        SDVariable examples = examples(sd, x);
        // [B, Cin, D, H*W] -> [B, D, Cin, H*W] -> [B*D, Cin, H*W]: every input plane an example of its own
        SDVariable planes = sd.reshape(sd.permute(sd.reshape(x, -1, channelsIn, depth, plane), 0, 2, 1, 3),
                -1, channelsIn, plane);
        // [kD, kH, kW, Cout, Cin] -> [kD, Cout, kH, kW, Cin]
        SDVariable rows = sd.reshape(sd.permute(w, 0, 3, 1, 2, 4), 1, kd * planeTaps, channelsIn);
        SDVariable columns = sd.mmul(repeated(sd, rows, examples.mul(depth)), planes);
        // [B, D*kD, Cout*kH*kW*H*W], row i*kD + t: depth tap t of input plane i; placed at output depths
        SDVariable byDepthTap = sd.reshape(columns, -1, depth * kd, planeTaps * plane);
        SDVariable placing = sd.constant(OuterTaps.gathering(out[0], depth, kd, g.stride(0), g.padding(0),
                x.dataType()).transpose().reshape(1, out[0], depth * kd).dup('c'));
        SDVariable placed = sd.mmul(repeated(sd, placing, examples), byDepthTap);
        SDVariable perTap = sd.reshape(placed, -1, channelsOut, g.kernel(1), g.kernel(2), lengths[1], lengths[2]);
        // [B*oD, Cout, oH, oW] -> [B, Cout, oD, oH, oW]
        SDVariable image = imageFromColumns(sd, perTap, g, 1, out[1], out[2]);
        SDVariable channelsFirst = channelsOut == 1 ? image : sd.permute(
                sd.reshape(image, -1, out[0], channelsOut, out[1] * out[2]), 0, 2, 1, 3);
        return sd.reshape(channelsFirst, -1, channelsOut, out[0], out[1], out[2]);
    }

    /** The batch length of {@code x}, as a one-element vector. */
    private static SDVariable examples(SameDiff sd, SDVariable x) {
        return sd.stridedSlice(sd.shape(x), new long[] {0}, new long[] {1}, new long[] {1});
    }

    /**
     * {@code matrix} ({@code [1, m, n]}) repeated {@code count} times along axis 0, since ND4J's matmul does not
     * broadcast: as a broadcasting product with ones, many times faster than ND4J's {@code tile} (figures:
     * docs/performance, 2026-12-03-engine-figures).
     */
    private static SDVariable repeated(SameDiff sd, SDVariable matrix, SDVariable count) {
        SDVariable shape = sd.concat(0, count, sd.constant(Nd4j.createFromArray(1L, 1L)));
        return sd.fill(shape, matrix.dataType(), 1.0).mul(matrix);
    }

    /** {@code col2im} of {@code [N, C, kH, kW, H, W]} over geometry axes {@code first, first + 1}. */
    private static SDVariable imageFromColumns(SameDiff sd, SDVariable perTap, ConvGeometry g, int first,
            long height, long width) {
        // ND4J's Col2Im passes its configuration's kernel sizes to the op as the image's height and width
        Conv2DConfig config = Conv2DConfig.builder().kH(height).kW(width)
                .sH(g.stride(first)).sW(g.stride(first + 1)).pH(g.padding(first)).pW(g.padding(first + 1))
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).build();
        return new ImageFromColumns(sd, perTap, config).outputVariable();
    }

    /**
     * ND4J's {@code Col2Im}, recording its padding mode as the number it reads back: SameDiff copies the whole graph
     * through its serialised form when it makes the gradient function, and {@code Col2Im} writes the mode as a name
     * but reads it as a number, so a graph holding one could not be trained.
     */
    private static final class ImageFromColumns extends Col2Im {
        ImageFromColumns(SameDiff sd, SDVariable columns, Conv2DConfig config) {
            super(sd, columns, config);
        }

        @Override
        public Map<String, Object> propertiesForFunction() {
            Map<String, Object> properties = new HashMap<>(super.propertiesForFunction());
            properties.put("paddingMode", (long) PaddingMode.VALID.index);
            properties.remove("dataFormat");
            return properties;
        }
    }
}
