package dev.vad.model.nd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The 1D, 2D and 3D convolutions and transposed convolutions that ND4J runs natively (1D as 2D with a height of
 * one), channels-first, with a bias when one is given (null: none). The leaves of {@link NdConvolution} and
 * {@link NdTransposedConvolution}. A convolution adds its bias in the same op; a transposed convolution adds it
 * by a broadcast after the cut, since ND4J's transposed convolutions add a bias slowly (figures: docs/performance,
 * 2026-11-30-engine-profiles).
 *
 * <p>Weights: convolution {@code [k..., Cin, Cout]}, transposed convolution {@code [k..., Cout, Cin]}.
 * Transposed convolutions run unpadded natively and are then cut to the padded, output-padded window, so the
 * result follows {@link ConvGeometry} exactly (ND4J has no output padding of its own).
 */
final class NativeConvolution {
    private NativeConvolution() {
    }

    static SDVariable convolve(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g) {
        switch (lengths.length) {
            case 1: {
                SDVariable x2 = sd.reshape(x, -1, channelsIn, 1, lengths[0]);
                SDVariable w2 = sd.reshape(w, 1, g.kernel(0), channelsIn, channelsOut);
                SDVariable y = conv2d(sd, x2, w2, b, conv2d(1, g.kernel(0), 1, g.stride(0), 0, g.padding(0)));
                return sd.reshape(y, -1, channelsOut, g.convolvedLengths(lengths)[0]);
            }
            case 2:
                return conv2d(sd, x, w, b, conv2d(g.kernel(0), g.kernel(1), g.stride(0), g.stride(1),
                        g.padding(0), g.padding(1)));
            case 3:
                Conv3DConfig config = Conv3DConfig.builder()
                        .kD(g.kernel(0)).kH(g.kernel(1)).kW(g.kernel(2))
                        .sD(g.stride(0)).sH(g.stride(1)).sW(g.stride(2))
                        .pD(g.padding(0)).pH(g.padding(1)).pW(g.padding(2))
                        .paddingMode(PaddingMode.VALID).dataFormat(Conv3DConfig.NCDHW).build();
                return b == null ? sd.cnn().conv3d(x, w, config) : sd.cnn().conv3d(x, w, b, config);
            default:
                throw new IllegalArgumentException("native convolutions have 1-3 spatial axes, found "
                        + lengths.length);
        }
    }

    /**
     * A transposed convolution; when {@code differentiable} is false (a graph only run forward) one into at
     * most {@value ColumnTransposedConvolution#MAX_CHANNELS_OUT} channels runs as
     * {@link ColumnTransposedConvolution}, faster there than the native op.
     */
    static SDVariable transpose(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, SDVariable b, ConvGeometry g, boolean differentiable) {
        int n = lengths.length;
        if (!differentiable && channelsOut <= ColumnTransposedConvolution.MAX_CHANNELS_OUT) {
            return Axes.addBias(sd, byColumns(sd, x, channelsIn, channelsOut, lengths, w, g), b, channelsOut, n);
        }
        long[] full = new long[n];
        for (int i = 0; i < n; i++) {
            full[i] = (lengths[i] - 1) * g.stride(i) + g.kernel(i);
        }
        SDVariable y;
        switch (n) {
            case 1: {
                SDVariable x2 = sd.reshape(x, -1, channelsIn, 1, lengths[0]);
                SDVariable w2 = sd.reshape(w, 1, g.kernel(0), channelsOut, channelsIn);
                SDVariable y2 = deconv2d(sd, x2, w2, deconv2d(1, g.kernel(0), 1, g.stride(0)));
                y = sd.reshape(y2, -1, channelsOut, full[0]);
                break;
            }
            case 2:
                y = deconv2d(sd, x, w, deconv2d(g.kernel(0), g.kernel(1), g.stride(0), g.stride(1)));
                break;
            case 3:
                DeConv3DConfig config = DeConv3DConfig.builder()
                        .kD(g.kernel(0)).kH(g.kernel(1)).kW(g.kernel(2))
                        .sD(g.stride(0)).sH(g.stride(1)).sW(g.stride(2))
                        .pD(0).pH(0).pW(0).dD(1).dH(1).dW(1)
                        .isSameMode(false).dataFormat(DeConv3DConfig.NCDHW).build();
                y = sd.cnn().deconv3d(x, w, config);
                break;
            default:
                throw new IllegalArgumentException("native transposed convolutions have 1-3 spatial axes, found "
                        + n);
        }
        long[] padding = new long[n];
        for (int i = 0; i < n; i++) {
            padding[i] = g.padding(i);
        }
        y = Axes.windows(sd, y, full, padding, g.transposedLengths(lengths));
        return Axes.addBias(sd, y, b, channelsOut, n);
    }

    /** {@link ColumnTransposedConvolution}, a 1D one as 2D with a height of one. */
    private static SDVariable byColumns(SameDiff sd, SDVariable x, long channelsIn, long channelsOut, long[] lengths,
            SDVariable w, ConvGeometry g) {
        if (lengths.length > 1) {
            return ColumnTransposedConvolution.transpose(sd, x, channelsIn, channelsOut, lengths, w, g);
        }
        ConvGeometry g2 = ConvGeometry.of(new int[] {1, g.kernel(0)}, new int[] {1, g.stride(0)},
                new int[] {0, g.padding(0)}, new int[] {0, g.outputPadding(0)});
        SDVariable y = ColumnTransposedConvolution.transpose(sd, sd.reshape(x, -1, channelsIn, 1, lengths[0]),
                channelsIn, channelsOut, new long[] {1, lengths[0]},
                sd.reshape(w, 1, g.kernel(0), channelsOut, channelsIn), g2);
        return sd.reshape(y, -1, channelsOut, g.transposedLengths(lengths)[0]);
    }

    private static SDVariable conv2d(SameDiff sd, SDVariable x, SDVariable w, SDVariable b, Conv2DConfig config) {
        return b == null ? sd.cnn().conv2d(x, w, config) : sd.cnn().conv2d(x, w, b, config);
    }

    private static SDVariable deconv2d(SameDiff sd, SDVariable x, SDVariable w, DeConv2DConfig config) {
        return sd.cnn().deconv2d(x, w, config);
    }

    private static Conv2DConfig conv2d(long kH, long kW, long sH, long sW, long pH, long pW) {
        return Conv2DConfig.builder().kH(kH).kW(kW).sH(sH).sW(sW).pH(pH).pW(pW).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();
    }

    private static DeConv2DConfig deconv2d(long kH, long kW, long sH, long sW) {
        return DeConv2DConfig.builder().kH(kH).kW(kW).sH(sH).sW(sW).pH(0).pW(0).dH(1).dW(1)
                .isSameMode(false).dataFormat(DeConv2DConfig.NCHW).build();
    }
}
