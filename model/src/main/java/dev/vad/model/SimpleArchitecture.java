package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;

/**
 * {@code simple}: convolution C→16 (kernel 3, stride 1, padding 1, ReLU), max pooling by 2, transposed
 * convolution 16→C (kernel 2, stride 2), sigmoid. Odd lengths get output padding 1 so nothing is lost.
 * 1-6 axes of any length: an axis shorter than 2 is not pooled, and its transposed convolution keeps its length
 * (kernel 1, stride 1).
 */
final class SimpleArchitecture implements Architecture {
    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        boolean[] pooled = Pooling.halvable(input.lengths());
        FeatureMap h = b.maxPool(b.relu(b.conv(input, 16, ConvGeometry.uniform(n, 3, 1, 1))), pooled);
        b.decoder();
        int[] factor = new int[n];
        for (int i = 0; i < n; i++) {
            factor[i] = pooled[i] ? 2 : 1;
        }
        ConvGeometry up = ConvGeometry.of(factor, factor, new int[n], new int[n])
                .restoring(h.lengths(), input.lengths());
        return b.sigmoid(b.transposedConv(h, input.channels(), up));
    }
}
