package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code deep}: [convolution 3 (stride 1, padding 1) → ReLU → batch norm → max pool 2] x3 with C→16→32→64
 * channels; transposed convolutions (kernel 3, stride 2) 64→64→32→16, each ReLU + batch norm; convolution 16→C
 * (kernel 3, padding 1); sigmoid. Per axis, a transposed convolution that must double a length uses padding 1
 * and output padding 1, one that must give {@code 2L+1} uses padding 0 (the reference's 3→7, 7→14, 14→28).
 * 1-3 axes, each at least 8 long.
 */
final class DeepArchitecture implements Architecture {
    private static final long[] ENCODER = {16, 32, 64};
    private static final long[] DECODER = {64, 32, 16};

    @Override
    public List<String> problems(long channels, long[] lengths) {
        List<String> problems = new ArrayList<>();
        if (lengths.length > 3) {
            problems.add("deep supports 1-3 spatial axes, found " + lengths.length);
        }
        for (long l : lengths) {
            if (l < 8) {
                problems.add("deep pools three times, so every axis must be at least 8 long, found " + l);
            }
        }
        return problems;
    }

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        Deque<long[]> targets = new ArrayDeque<>();
        FeatureMap h = input;
        for (long channels : ENCODER) {
            targets.push(h.lengths());
            h = b.maxPool(b.batchNorm(b.relu(b.conv(h, channels, ConvGeometry.uniform(n, 3, 1, 1)))));
        }
        b.decoder();
        for (long channels : DECODER) {
            h = b.batchNorm(b.relu(b.transposedConv(h, channels, doubling(h.lengths(), targets.pop()))));
        }
        return b.sigmoid(b.conv(h, input.channels(), ConvGeometry.uniform(n, 3, 1, 1)));
    }

    private static ConvGeometry doubling(long[] in, long[] target) {
        int n = in.length;
        int[] kernel = new int[n];
        int[] stride = new int[n];
        int[] padding = new int[n];
        int[] outputPadding = new int[n];
        for (int i = 0; i < n; i++) {
            kernel[i] = 3;
            stride[i] = 2;
            boolean odd = target[i] == 2 * in[i] + 1;
            padding[i] = odd ? 0 : 1;
            outputPadding[i] = odd ? 0 : 1;
        }
        return ConvGeometry.of(kernel, stride, padding, outputPadding);
    }
}
