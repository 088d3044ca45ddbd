package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code future}: future-frame prediction with a 2D U-Net, the generator of Liu et al., "Future Frame Prediction
 * for Anomaly Detection" (CVPR 2018), at a smaller width and without its optical-flow and adversarial losses. It
 * takes a window {@code (T, H, W)} in any 3D-6D view (4D-6D views are reshaped back to the window inside the
 * graph, and the output to the view): every frame after the first {@value #CONTEXT} is predicted from the
 * {@value #CONTEXT} frames before it (stacked as channels), and the window comes back with those frames replaced
 * by their predictions and the first {@value #CONTEXT} passed through, so its error is the prediction error of
 * the predicted frames and zero on the context frames.
 * <p>
 * The U-Net: [convolution 3x3 → batch norm → ReLU] x2 with 16, 32 and 64 channels, a max pool 2 between stages;
 * back up, a transposed convolution (kernel 3, stride 2) to the skipped stage's size, its output and that
 * stage's concatenated, and the same double convolution; a 1x1 convolution to C channels and a sigmoid.
 */
final class FutureArchitecture implements Architecture {
    /** Frames a prediction is made from. */
    static final int CONTEXT = 4;
    private static final long[] STAGES = {16, 32, 64};

    @Override
    public int contextFrames() {
        return CONTEXT;
    }

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        long[] view = input.lengths();
        if (view.length == 3) {
            return predict(b, input);
        }
        FeatureMap window = b.reshape(input, input.channels(), WindowView.windowLengths(view));
        return b.reshape(predict(b, window), input.channels(), view);
    }

    private static FeatureMap predict(GraphBuilder b, FeatureMap window) {
        FeatureMap h = b.contextStacks(window, CONTEXT);
        Deque<FeatureMap> skips = new ArrayDeque<>();
        for (int i = 0; i < STAGES.length; i++) {
            if (i > 0) {
                skips.push(h);
                h = b.maxPool(h, Pooling.halvable(h.lengths()));
            }
            h = doubleConvolution(b, h, STAGES[i]);
        }
        b.decoder();
        for (int i = STAGES.length - 2; i >= 0; i--) {
            FeatureMap skip = skips.pop();
            h = b.transposedConv(h, STAGES[i], DeepArchitecture.doubling(h.lengths(), skip.lengths()));
            h = doubleConvolution(b, b.concatChannels(h, skip), STAGES[i]);
        }
        FeatureMap predicted = b.sigmoid(b.conv(h, window.channels(), ConvGeometry.uniform(2, 1, 1, 0)));
        return b.predictedWindow(window, predicted, CONTEXT);
    }

    private static FeatureMap doubleConvolution(GraphBuilder b, FeatureMap x, long channels) {
        FeatureMap h = b.relu(b.batchNorm(b.conv(x, channels, ConvGeometry.uniform(2, 3, 1, 1))));
        return b.relu(b.batchNorm(b.conv(h, channels, ConvGeometry.uniform(2, 3, 1, 1))));
    }
}
