package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where {@link GraphBuilder#contextStacks} and {@link GraphBuilder#predictedWindow} put each value. */
class ContextStacksTest {
    private static final int N = 2;
    private static final int C = 2;
    private static final int T = 5;
    private static final int H = 3;
    private static final int W = 4;
    private static final int CONTEXT = 3;

    @Test
    void eachPredictedFrameGetsTheFramesBeforeItAsChannels() {
        SameDiff sd = SameDiff.create();
        INDArray window = SeededArrays.uniform(4, DataType.DOUBLE, N, C, T, H, W);
        GraphBuilder b = builder(sd);
        FeatureMap stacks = b.contextStacks(new FeatureMap(sd.var("x", window), C, new long[] {T, H, W}), CONTEXT);
        INDArray out = stacks.value().eval();

        assertThat(out.shape()).containsExactly((T - CONTEXT) * N, C * CONTEXT, H, W);
        assertThat(stacks.channels()).isEqualTo(C * CONTEXT);
        for (int t = CONTEXT; t < T; t++) {
            for (int n = 0; n < N; n++) {
                for (int c = 0; c < C; c++) {
                    for (int k = 0; k < CONTEXT; k++) {
                        for (int y = 0; y < H; y++) {
                            for (int x = 0; x < W; x++) {
                                assertThat(out.getDouble((t - CONTEXT) * N + n, c * CONTEXT + k, y, x))
                                        .isEqualTo(window.getDouble(n, c, t - CONTEXT + k, y, x));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void predictionsReplaceTheFramesAfterTheContextWhichPassThrough() {
        SameDiff sd = SameDiff.create();
        INDArray window = SeededArrays.uniform(4, DataType.DOUBLE, N, C, T, H, W);
        INDArray predictions = SeededArrays.uniform(5, DataType.DOUBLE, (T - CONTEXT) * N, C, H, W);
        GraphBuilder b = builder(sd);
        FeatureMap x = new FeatureMap(sd.var("x", window), C, new long[] {T, H, W});
        FeatureMap predicted = new FeatureMap(sd.var("p", predictions), C, new long[] {H, W});
        INDArray out = b.predictedWindow(x, predicted, CONTEXT).value().eval();

        assertThat(out.shape()).containsExactly(window.shape());
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int t = 0; t < T; t++) {
                    for (int y = 0; y < H; y++) {
                        for (int w = 0; w < W; w++) {
                            double expected = t < CONTEXT ? window.getDouble(n, c, t, y, w)
                                    : predictions.getDouble((t - CONTEXT) * N + n, c, y, w);
                            assertThat(out.getDouble(n, c, t, y, w)).isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aWindowNoLongerThanTheContextIsRefused() {
        SameDiff sd = SameDiff.create();
        FeatureMap x = new FeatureMap(sd.var("x", SeededArrays.uniform(4, DataType.DOUBLE, 1, 1, 3, H, W)), 1,
                new long[] {3, H, W});
        assertThatThrownBy(() -> builder(sd).contextStacks(x, 3))
                .hasMessageContaining("needs a window (T, H, W) of more than 3 frames");
        assertThatThrownBy(() -> ModelSpec.of(Preset.FUTURE, 1, 1, 4, 8, 8))
                .hasMessageContaining("future predicts each frame from the 4 before it");
        assertThatThrownBy(() -> ModelSpec.of(Preset.FUTURE, 1, 1, 8, 8))
                .hasMessageContaining("3D-6D view of a window of more than 4 frames, found [8, 8]");
    }

    private static GraphBuilder builder(SameDiff sd) {
        return new GraphBuilder(new ParameterStore(sd, DataType.DOUBLE, ParameterInit.UNIFORM_FAN_IN, 1))
                .branch(true);
    }
}
