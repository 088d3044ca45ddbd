package dev.vad.model.nd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.model.SeededArrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Graph N-D convolutions against the brute-force definitions, in double precision. */
class NdConvolutionTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1D k3 s2 p1 op1, odd", new long[] {7}, 2, 3,
                        ConvGeometry.uniform(1, 3, 2, 1, 1)),
                Arguments.of("2D k3 s2 p1 op1, even", new long[] {6, 8}, 2, 3,
                        ConvGeometry.uniform(2, 3, 2, 1, 1)),
                Arguments.of("3D mixed", new long[] {5, 4, 6}, 2, 2,
                        ConvGeometry.of(new int[] {3, 2, 3}, new int[] {2, 1, 2}, new int[] {1, 0, 2},
                                new int[] {1, 0, 0})),
                Arguments.of("3D k3 s2 p1 op1, one channel each way", new long[] {4, 6, 5}, 1, 1,
                        ConvGeometry.uniform(3, 3, 2, 1, 1)),
                Arguments.of("4D k3 s1 p1", new long[] {5, 4, 3, 6}, 2, 3, ConvGeometry.uniform(4, 3, 1, 1)),
                Arguments.of("4D k3 s2 p1 op1, odd and even", new long[] {5, 4, 7, 6}, 2, 3,
                        ConvGeometry.uniform(4, 3, 2, 1, 1)),
                Arguments.of("4D mixed per axis, op > p", new long[] {6, 5, 4, 3}, 3, 2,
                        ConvGeometry.of(new int[] {2, 3, 1, 3}, new int[] {2, 1, 2, 1}, new int[] {1, 0, 0, 2},
                                new int[] {1, 0, 1, 0})),
                Arguments.of("5D k3 s2 p1 op1", new long[] {3, 4, 5, 3, 4}, 2, 3,
                        ConvGeometry.uniform(5, 3, 2, 1, 1)),
                Arguments.of("5D k2 s1 p1", new long[] {3, 2, 4, 3, 3}, 2, 2, ConvGeometry.uniform(5, 2, 1, 1)),
                Arguments.of("6D k3 s1 p1", new long[] {3, 3, 4, 3, 2, 3}, 2, 2, ConvGeometry.uniform(6, 3, 1, 1)),
                Arguments.of("6D k3 s2 p1 op1", new long[] {4, 3, 3, 4, 3, 5}, 2, 2,
                        ConvGeometry.uniform(6, 3, 2, 1, 1)),
                Arguments.of("6D mixed per axis", new long[] {4, 3, 5, 2, 3, 4}, 1, 2,
                        ConvGeometry.of(new int[] {3, 2, 3, 1, 2, 3}, new int[] {2, 1, 2, 1, 2, 1},
                                new int[] {2, 1, 1, 0, 0, 1}, new int[] {0, 1, 1, 0, 1, 0})));
    }

    /** Each case with the outermost axes taken apart either way ({@link OuterAxis}). */
    static Stream<Arguments> casesBothWays() {
        return bothWays(cases());
    }

    static Stream<Arguments> bothWays(Stream<Arguments> cases) {
        return cases.flatMap(c -> Stream.of(OuterAxis.values()).map(form -> {
            Object[] args = java.util.Arrays.copyOf(c.get(), c.get().length + 1);
            args[args.length - 1] = form;
            return Arguments.of(args);
        }));
    }

    @ParameterizedTest(name = "{0}, {5}")
    @MethodSource("casesBothWays")
    void convolutionMatchesBruteForce(String name, long[] lengths, int cin, int cout, ConvGeometry g,
            OuterAxis form) {
        INDArray x = SeededArrays.uniform(1, DataType.DOUBLE, shape(2, cin, lengths));
        INDArray w = SeededArrays.uniform(2, DataType.DOUBLE, weightShape(g, cin, cout));
        INDArray b = SeededArrays.uniform(3, DataType.DOUBLE, cout);

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.DOUBLE, shape(-1, cin, lengths));
        SDVariable out = NdConvolution.convolve(sd, in, cin, cout, lengths, sd.var("w", w), sd.var("b", b), g, true,
                OuterAxis.always(form));
        INDArray actual = sd.outputSingle(Map.of("x", x), out.name());

        INDArray expected = BruteForceConvolution.convolve(x, w, b, g);
        assertThat(actual.shape()).containsExactly(expected.shape());
        assertThat(maxAbsDifference(actual, expected)).isLessThanOrEqualTo(TOLERANCE);
    }

    @ParameterizedTest(name = "{0}, {5}")
    @MethodSource("casesBothWays")
    void transposedConvolutionMatchesBruteForce(String name, long[] lengths, int cin, int cout, ConvGeometry g,
            OuterAxis form) {
        assertTransposedMatchesBruteForce(lengths, cin, cout, g, true, form);
    }

    static Stream<Arguments> forwardOnlyCases() {
        return bothWays(Stream.of(
                Arguments.of("1D k3 s2 p1 op1 into 1, even", new long[] {8}, 3, 1, ConvGeometry.uniform(1, 3, 2, 1, 1)),
                Arguments.of("1D k4 s3 p2 into 2, odd", new long[] {7}, 2, 2, ConvGeometry.uniform(1, 4, 3, 2)),
                Arguments.of("2D k3 s2 p1 op1 into 1, even", new long[] {6, 8}, 8, 1,
                        ConvGeometry.uniform(2, 3, 2, 1, 1)),
                Arguments.of("2D k2 s2 into 1, odd", new long[] {5, 7}, 3, 1, ConvGeometry.uniform(2, 2, 2, 0)),
                Arguments.of("2D mixed per axis into 2, op > p", new long[] {5, 6}, 3, 2,
                        ConvGeometry.of(new int[] {3, 2}, new int[] {2, 1}, new int[] {0, 1}, new int[] {1, 0})),
                Arguments.of("2D k3 s1 p2 into 2", new long[] {4, 5}, 2, 2, ConvGeometry.uniform(2, 3, 1, 2)),
                Arguments.of("2D k3 s2 p1 op1 into 3 (native op)", new long[] {6, 8}, 2, 3,
                        ConvGeometry.uniform(2, 3, 2, 1, 1)),
                Arguments.of("3D k3 s2 p1 op1 into 1, even", new long[] {4, 6, 8}, 8, 1,
                        ConvGeometry.uniform(3, 3, 2, 1, 1)),
                Arguments.of("3D mixed per axis into 2, op > p", new long[] {5, 4, 3}, 3, 2,
                        ConvGeometry.of(new int[] {2, 3, 3}, new int[] {1, 2, 2}, new int[] {1, 0, 2},
                                new int[] {0, 1, 1})),
                Arguments.of("3D k3 s2 p1 op1 into 3 (native op)", new long[] {3, 4, 5}, 2, 3,
                        ConvGeometry.uniform(3, 3, 2, 1, 1)),
                Arguments.of("4D k3 s2 p1 op1 into 1", new long[] {3, 4, 5, 6}, 2, 1,
                        ConvGeometry.uniform(4, 3, 2, 1, 1))));
    }

    /** Graphs that are only run forward may compute transposed convolutions another way: the same values. */
    @ParameterizedTest(name = "{0}, {5}")
    @MethodSource("forwardOnlyCases")
    void forwardOnlyTransposedConvolutionMatchesBruteForce(String name, long[] lengths, int cin, int cout,
            ConvGeometry g, OuterAxis form) {
        SameDiff sd = assertTransposedMatchesBruteForce(lengths, cin, cout, g, false, form);
        boolean byColumns = lengths.length <= 3 && cout <= ColumnTransposedConvolution.MAX_CHANNELS_OUT;
        assertThat(sd.getOps().values().stream().anyMatch(op -> op.getOp().opName().equals("col2im")))
                .isEqualTo(byColumns);
    }

    /** Builds the transposed convolution, checks it against the brute-force definition and returns its graph. */
    private static SameDiff assertTransposedMatchesBruteForce(long[] lengths, int cin, int cout, ConvGeometry g,
            boolean differentiable, OuterAxis form) {
        INDArray x = SeededArrays.uniform(4, DataType.DOUBLE, shape(3, cin, lengths));
        INDArray w = SeededArrays.uniform(5, DataType.DOUBLE, weightShape(g, cout, cin));
        INDArray b = SeededArrays.uniform(6, DataType.DOUBLE, cout);

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.DOUBLE, shape(-1, cin, lengths));
        SDVariable out = NdTransposedConvolution.transpose(sd, in, cin, cout, lengths, sd.var("w", w), sd.var("b", b),
                g, differentiable, OuterAxis.always(form));
        INDArray actual = sd.outputSingle(Map.of("x", x), out.name());

        INDArray expected = BruteForceConvolution.transpose(x, w, b, g);
        assertThat(actual.shape()).containsExactly(expected.shape());
        assertThat(maxAbsDifference(actual, expected)).isLessThanOrEqualTo(TOLERANCE);
        return sd;
    }

    static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    static long[] shape(long batch, long channels, long[] lengths) {
        return Axes.prepend(batch, channels, lengths);
    }

    static long[] weightShape(ConvGeometry g, long first, long second) {
        long[] s = new long[g.dimensions() + 2];
        for (int i = 0; i < g.dimensions(); i++) {
            s[i] = g.kernel(i);
        }
        s[g.dimensions()] = first;
        s[g.dimensions() + 1] = second;
        return s;
    }
}
