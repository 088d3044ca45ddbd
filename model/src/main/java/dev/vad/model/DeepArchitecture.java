package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code deep}: [convolution 3 (stride 1, padding 1) → ReLU → batch norm → max pool 2] x3 with C→16→32→64
 * channels; transposed convolutions (kernel 3, stride 2) 64→64→32→16, each ReLU + batch norm; convolution 16→C
 * (kernel 3, padding 1); sigmoid. Per axis, a transposed convolution that must double a length uses padding 1
 * and output padding 1, one that must give {@code 2L+1} uses padding 0 (the reference's 3→7, 7→14, 14→28).
 * 1-6 axes of any length: a pool halves the axes that are at least 2 long at that stage and leaves shorter ones,
 * whose transposed convolutions then keep their length (stride 1, padding 1), so a short axis of a 4D-6D view
 * passes through every stage whole.
 */
final class DeepArchitecture implements Architecture {
    private static final long[] ENCODER = {16, 32, 64};
    private static final long[] DECODER = {64, 32, 16};

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        Deque<long[]> targets = new ArrayDeque<>();
        FeatureMap h = input;
        for (long channels : ENCODER) {
            targets.push(h.lengths());
            h = b.maxPool(b.batchNorm(b.relu(b.conv(h, channels, ConvGeometry.uniform(n, 3, 1, 1)))),
                    Pooling.halvable(h.lengths()));
        }
        b.decoder();
        for (long channels : DECODER) {
            h = b.batchNorm(b.relu(b.transposedConv(h, channels, doubling(h.lengths(), targets.pop()))));
        }
        return b.sigmoid(b.conv(h, input.channels(), ConvGeometry.uniform(n, 3, 1, 1)));
    }

    /**
     * A transposed convolution (kernel 3) from {@code in} to {@code target} per axis: doubling ({@code 2L}, stride
     * 2, padding 1, output padding 1), doubling plus one ({@code 2L+1}, padding 0) or keeping the length (stride 1).
     */
    static ConvGeometry doubling(long[] in, long[] target) {
        int n = in.length;
        int[] kernel = new int[n];
        int[] stride = new int[n];
        int[] padding = new int[n];
        int[] outputPadding = new int[n];
        for (int i = 0; i < n; i++) {
            boolean kept = target[i] == in[i];
            boolean odd = target[i] == 2 * in[i] + 1;
            kernel[i] = 3;
            stride[i] = kept ? 1 : 2;
            padding[i] = odd ? 0 : 1;
            outputPadding[i] = kept || odd ? 0 : 1;
        }
        return ConvGeometry.of(kernel, stride, padding, outputPadding);
    }
}
