package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code simple}: convolution C→16 (kernel 3, stride 1, padding 1, ReLU), max pooling by 2, transposed
 * convolution 16→C (kernel 2, stride 2), sigmoid. Odd lengths get output padding 1 so nothing is lost.
 * 1-3 axes, each at least 2 long.
 */
final class SimpleArchitecture implements Architecture {
    @Override
    public List<String> problems(long channels, long[] lengths) {
        List<String> problems = new ArrayList<>();
        if (lengths.length > 3) {
            problems.add("simple supports 1-3 spatial axes, found " + lengths.length);
        }
        for (long l : lengths) {
            if (l < 2) {
                problems.add("simple needs every axis at least 2 long, found " + l);
            }
        }
        return problems;
    }

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        FeatureMap h = b.maxPool(b.relu(b.conv(input, 16, ConvGeometry.uniform(n, 3, 1, 1))));
        b.decoder();
        ConvGeometry up = ConvGeometry.uniform(n, 2, 2, 0).restoring(h.lengths(), input.lengths());
        return b.sigmoid(b.transposedConv(h, input.channels(), up));
    }
}
