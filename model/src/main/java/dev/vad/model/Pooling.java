package dev.vad.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;

/** Max pooling by 2 (native, 1-3 axes) and nearest-neighbour up-sampling by 2 (any number of axes). */
final class Pooling {
    private Pooling() {
    }

    static FeatureMap maxPool(SameDiff sd, FeatureMap x) {
        long[] in = x.lengths();
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            if (in[i] < 2) {
                throw new IllegalArgumentException("cannot max-pool " + x + " by 2: an axis is shorter than 2");
            }
            out[i] = in[i] / 2;
        }
        SDVariable y;
        switch (in.length) {
            case 1:
                y = sd.reshape(sd.cnn().maxPooling2d(sd.reshape(x.value(), -1, x.channels(), 1, in[0]),
                        pooling2d(1, 2)), -1, x.channels(), out[0]);
                break;
            case 2:
                y = sd.cnn().maxPooling2d(x.value(), pooling2d(2, 2));
                break;
            case 3:
                y = sd.cnn().maxPooling3d(x.value(), Pooling3DConfig.builder().kD(2).kH(2).kW(2)
                        .sD(2).sH(2).sW(2).pD(0).pH(0).pW(0).dD(1).dH(1).dW(1)
                        .isSameMode(false).isNCDHW(true).build());
                break;
            default:
                throw new IllegalArgumentException("max pooling supports 1-3 axes, found " + x);
        }
        return new FeatureMap(y, x.channels(), out);
    }

    static FeatureMap upsample(SameDiff sd, FeatureMap x) {
        long[] in = x.lengths();
        int n = in.length;
        long[] split = new long[2 + 2 * n];
        int[] reps = new int[2 + 2 * n];
        long[] out = new long[n];
        split[0] = -1;
        split[1] = x.channels();
        reps[0] = 1;
        reps[1] = 1;
        for (int i = 0; i < n; i++) {
            split[2 + 2 * i] = in[i];
            split[3 + 2 * i] = 1;
            reps[2 + 2 * i] = 1;
            reps[3 + 2 * i] = 2;
            out[i] = 2 * in[i];
        }
        FeatureMap target = new FeatureMap(x.value(), x.channels(), out);
        SDVariable tiled = sd.tile(sd.reshape(x.value(), split), reps);
        return target.with(sd.reshape(tiled, target.shape()));
    }

    private static Pooling2DConfig pooling2d(long kH, long kW) {
        return Pooling2DConfig.builder().kH(kH).kW(kW).sH(kH).sW(kW).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }
}
