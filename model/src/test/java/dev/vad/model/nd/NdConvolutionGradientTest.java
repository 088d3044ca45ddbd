package dev.vad.model.nd;

import dev.vad.model.FiniteDifferences;
import dev.vad.model.SeededArrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Gradient checks of the N-D convolution graphs, with respect to the input, the weights and the bias, through
 * a nonlinearity (sigmoid) and a weighted sum so every gradient element differs.
 */
class NdConvolutionGradientTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new long[] {7}, ConvGeometry.uniform(1, 3, 2, 1, 1)),
                Arguments.of(new long[] {5, 6}, ConvGeometry.uniform(2, 3, 2, 1, 1)),
                Arguments.of(new long[] {3, 4, 5}, ConvGeometry.of(new int[] {3, 2, 3}, new int[] {2, 1, 2},
                        new int[] {1, 0, 1}, new int[] {1, 0, 0})),
                Arguments.of(new long[] {4, 3, 3, 4}, ConvGeometry.uniform(4, 3, 2, 1, 1)),
                Arguments.of(new long[] {3, 3, 2, 3, 3}, ConvGeometry.uniform(5, 3, 1, 1)),
                Arguments.of(new long[] {3, 2, 3, 2, 3, 3}, ConvGeometry.of(new int[] {2, 1, 3, 2, 3, 2},
                        new int[] {2, 1, 2, 1, 1, 2}, new int[] {1, 0, 1, 0, 1, 1}, new int[] {1, 0, 1, 0, 0, 1})));
    }

    static Stream<Arguments> casesBothWays() {
        return NdConvolutionTest.bothWays(cases());
    }

    @ParameterizedTest
    @MethodSource("casesBothWays")
    void convolutionGradientsMatchFiniteDifferences(long[] lengths, ConvGeometry g, OuterAxis form) {
        check(lengths, g, false, 2, 2, form);
    }

    @ParameterizedTest
    @MethodSource("casesBothWays")
    void transposedConvolutionGradientsMatchFiniteDifferences(long[] lengths, ConvGeometry g, OuterAxis form) {
        check(lengths, g, true, 2, 2, form);
    }

    /** 3D convolutions from one channel and transposed ones into one are taken apart into 2D ones when trained. */
    @ParameterizedTest
    @CsvSource({"false, GATHERED", "false, BANDED", "true, GATHERED", "true, BANDED"})
    void oneChannelThreeDimensionalGradientsMatchFiniteDifferences(boolean transposed, OuterAxis form) {
        ConvGeometry g = ConvGeometry.of(new int[] {3, 3, 2}, new int[] {2, 1, 2}, new int[] {1, 1, 0},
                new int[] {1, 0, 1});
        check(new long[] {4, 3, 5}, g, transposed, transposed ? 2 : 1, transposed ? 1 : 2, form);
    }

    private static void check(long[] lengths, ConvGeometry g, boolean transposed, int cin, int cout,
            OuterAxis form) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", SeededArrays.uniform(11, DataType.DOUBLE, NdConvolutionTest.shape(2, cin, lengths)));
        SDVariable w = sd.var("w", SeededArrays.uniform(12, DataType.DOUBLE, transposed
                ? NdConvolutionTest.weightShape(g, cout, cin) : NdConvolutionTest.weightShape(g, cin, cout)));
        SDVariable b = sd.var("b", SeededArrays.uniform(13, DataType.DOUBLE, cout));
        SDVariable y = transposed
                ? NdTransposedConvolution.transpose(sd, x, cin, cout, lengths, w, b, g, true, OuterAxis.always(form))
                : NdConvolution.convolve(sd, x, cin, cout, lengths, w, b, g, true, OuterAxis.always(form));
        y = sd.nn().sigmoid(y);
        long[] outLengths = transposed ? g.transposedLengths(lengths) : g.convolvedLengths(lengths);
        SDVariable weights = sd.constant(SeededArrays.uniform(14, DataType.DOUBLE,
                NdConvolutionTest.shape(2, cout, outLengths)));
        sd.sum("loss", y.mul(weights));
        FiniteDifferences.assertGradientsMatch(sd, "loss", Map.of(), List.of("x", "w", "b"), 40, 1e-5);
    }
}
