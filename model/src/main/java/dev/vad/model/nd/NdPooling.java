package dev.vad.model.nd;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;

/**
 * Max pooling by 2 along chosen axes of a channels-first map with any number of axes; a last odd element is
 * dropped, as in PyTorch. Pooling every axis of a 1-3 axis map is one native pooling op; otherwise each chosen
 * axis {@code i} is pooled on its own by a native 2D pooling with a 2 x 1 window on the view
 * {@code [B, C * L1..L(i-1), Li, L(i+1)..LN]}, which needs no copy.
 */
public final class NdPooling {
    private NdPooling() {
    }

    /** The lengths after pooling {@code lengths} along the {@code pooled} axes. */
    public static long[] pooledLengths(long[] lengths, boolean[] pooled) {
        long[] out = lengths.clone();
        for (int i = 0; i < out.length; i++) {
            if (pooled[i]) {
                out[i] /= 2;
            }
        }
        return out;
    }

    /** {@code x} ({@code [B, channels, lengths...]}) max-pooled by 2 along every axis flagged in {@code pooled}. */
    public static SDVariable maxPool(SameDiff sd, SDVariable x, long channels, long[] lengths, boolean[] pooled) {
        int n = lengths.length;
        if (pooled.length != n) {
            throw new IllegalArgumentException(pooled.length + " pooling flags for " + n + " axes");
        }
        for (int i = 0; i < n; i++) {
            if (pooled[i] && lengths[i] < 2) {
                throw new IllegalArgumentException("cannot max-pool axis " + i + " of " + Arrays.toString(lengths)
                        + " by 2: it is shorter than 2");
            }
        }
        boolean all = true;
        for (boolean p : pooled) {
            all &= p;
        }
        if (all && n == 2) {
            return sd.cnn().maxPooling2d(x, pooling2d(2, 2));
        }
        if (all && n == 3) {
            return sd.cnn().maxPooling3d(x, Pooling3DConfig.builder().kD(2).kH(2).kW(2)
                    .sD(2).sH(2).sW(2).pD(0).pH(0).pW(0).dD(1).dH(1).dW(1)
                    .isSameMode(false).isNCDHW(true).build());
        }
        SDVariable y = x;
        long[] current = lengths.clone();
        for (int i = 0; i < n; i++) {
            if (!pooled[i]) {
                continue;
            }
            long before = Axes.product(Arrays.copyOfRange(current, 0, i));
            long after = Axes.product(Arrays.copyOfRange(current, i + 1, n));
            SDVariable view = sd.reshape(y, -1, channels * before, current[i], after);
            current[i] /= 2;
            y = sd.reshape(sd.cnn().maxPooling2d(view, pooling2d(2, 1)), Axes.prepend(-1, channels, current));
        }
        return y;
    }

    private static Pooling2DConfig pooling2d(long kH, long kW) {
        return Pooling2DConfig.builder().kH(kH).kW(kW).sH(kH).sW(kW).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }
}
