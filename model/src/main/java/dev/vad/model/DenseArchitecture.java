package dev.vad.model;


/**
 * {@code dense}: the input flattened to D = C x lengths, then D→512→256→128→32 with ReLU, batch norm and
 * dropout 0.2 after each hidden layer (the 32-unit bottleneck is linear), the mirror 32→128→256→512 the same
 * way, and D with a sigmoid, reshaped back. Gradients are clipped to a global norm of 1.
 */
final class DenseArchitecture implements Architecture {
    private static final long[] ENCODER = {512, 256, 128};
    private static final long BOTTLENECK = 32;
    private static final double DROPOUT = 0.2;

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        FeatureMap h = b.flatten(input);
        for (long units : ENCODER) {
            h = hidden(b, h, units);
        }
        h = b.dense(h, BOTTLENECK);
        b.decoder();
        for (int i = ENCODER.length - 1; i >= 0; i--) {
            h = hidden(b, h, ENCODER[i]);
        }
        return b.reshape(b.sigmoid(b.dense(h, input.size())), input.channels(), input.lengths());
    }

    @Override
    public double gradientClipNorm() {
        return 1.0;
    }

    private static FeatureMap hidden(GraphBuilder b, FeatureMap x, long units) {
        return b.dropout(b.batchNorm(b.relu(b.dense(x, units))), DROPOUT);
    }
}
