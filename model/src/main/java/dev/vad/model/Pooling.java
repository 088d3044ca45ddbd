package dev.vad.model;

import dev.vad.model.nd.NdPooling;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Max pooling by 2 and nearest-neighbour up-sampling by 2, along every axis or chosen ones, for any number of
 * axes. The presets that pool halve every axis that is at least 2 long ({@link #halvable}) and leave shorter
 * ones, so the short axes of a 4D-6D view pass through whole.
 */
final class Pooling {
    private Pooling() {
    }

    /** The axes of {@code lengths} long enough to halve (at least 2). */
    static boolean[] halvable(long[] lengths) {
        boolean[] halved = new boolean[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            halved[i] = lengths[i] >= 2;
        }
        return halved;
    }

    /** Every axis flagged in {@code pooled} max-pooled by 2 (a last odd element dropped). */
    static FeatureMap maxPool(SameDiff sd, FeatureMap x, boolean[] pooled) {
        SDVariable y = NdPooling.maxPool(sd, x.value(), x.channels(), x.lengths(), pooled);
        return new FeatureMap(y, x.channels(), NdPooling.pooledLengths(x.lengths(), pooled));
    }

    /** Every axis flagged in {@code scaled} up-sampled by 2, each element repeated. */
    static FeatureMap upsample(SameDiff sd, FeatureMap x, boolean[] scaled) {
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
            reps[3 + 2 * i] = scaled[i] ? 2 : 1;
            out[i] = scaled[i] ? 2 * in[i] : in[i];
        }
        FeatureMap target = new FeatureMap(x.value(), x.channels(), out);
        SDVariable tiled = sd.tile(sd.reshape(x.value(), split), reps);
        return target.with(sd.reshape(tiled, target.shape()));
    }
}
