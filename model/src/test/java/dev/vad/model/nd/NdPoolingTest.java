package dev.vad.model.nd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.model.SeededArrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** N-D max pooling against plain loops: every axis, chosen axes, odd lengths (the last element dropped). */
class NdPoolingTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new long[] {7}, new boolean[] {true}),
                Arguments.of(new long[] {5, 4}, new boolean[] {true, true}),
                Arguments.of(new long[] {5, 4}, new boolean[] {false, true}),
                Arguments.of(new long[] {3, 4, 5}, new boolean[] {true, true, true}),
                Arguments.of(new long[] {3, 4, 5}, new boolean[] {true, false, true}),
                Arguments.of(new long[] {3, 1, 4, 5}, new boolean[] {true, false, true, true}),
                Arguments.of(new long[] {2, 3, 2, 2, 4}, new boolean[] {true, true, true, true, true}),
                Arguments.of(new long[] {2, 2, 3, 1, 2, 3}, new boolean[] {true, false, true, false, true, true}));
    }

    @ParameterizedTest(name = "{0} pooled {1}")
    @MethodSource("cases")
    void maxPoolingMatchesPlainLoops(long[] lengths, boolean[] pooled) {
        long channels = 3;
        INDArray x = SeededArrays.uniform(11, DataType.DOUBLE, Axes.prepend(2, channels, lengths));
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.DOUBLE, Axes.prepend(-1, channels, lengths));
        SDVariable out = NdPooling.maxPool(sd, in, channels, lengths, pooled);
        INDArray actual = sd.outputSingle(Map.of("x", x), out.name());

        INDArray expected = bruteForce(x, pooled);
        assertThat(actual.shape()).containsExactly(expected.shape())
                .containsExactly(Axes.prepend(2, channels, NdPooling.pooledLengths(lengths, pooled)));
        assertThat(actual.equalsWithEps(expected, 0)).isTrue();
    }

    @Test
    void anAxisShorterThanTwoCannotBePooled() {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 1, 4, 1, 4, 4);
        assertThatThrownBy(() -> NdPooling.maxPool(sd, in, 1, new long[] {4, 1, 4, 4},
                new boolean[] {true, true, true, true}))
                .hasMessage("cannot max-pool axis 1 of [4, 1, 4, 4] by 2: it is shorter than 2");
    }

    /** The largest of the 2 (pooled axis) or 1 (other axis) elements under each output element. */
    private static INDArray bruteForce(INDArray x, boolean[] pooled) {
        long[] shape = x.shape();
        int n = pooled.length;
        long[] outShape = shape.clone();
        for (int i = 0; i < n; i++) {
            outShape[i + 2] = pooled[i] ? shape[i + 2] / 2 : shape[i + 2];
        }
        INDArray out = Nd4j.create(DataType.DOUBLE, outShape);
        long[] o = new long[outShape.length];
        for (long flat = 0; flat < out.length(); flat++) {
            long rest = flat;
            for (int d = o.length - 1; d >= 0; d--) {
                o[d] = rest % outShape[d];
                rest /= outShape[d];
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int window = 0; window < 1 << n; window++) {
                long[] in = o.clone();
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    int offset = (window >> i) & 1;
                    if (offset == 1 && !pooled[i]) {
                        inside = false;
                    }
                    in[i + 2] = pooled[i] ? 2 * o[i + 2] + offset : o[i + 2];
                }
                if (inside) {
                    best = Math.max(best, x.getDouble(in));
                }
            }
            out.putScalar(o, best);
        }
        return out;
    }
}
