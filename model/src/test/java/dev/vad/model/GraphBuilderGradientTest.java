package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient checks, in double precision and including the input gradient, of every layer the presets are made
 * of: batch norm (training statistics), dense, dropout, pooling, up-sampling, global pooling, and the N-D
 * convolutions inside a network.
 */
class GraphBuilderGradientTest {

    @Test
    void convolutionBatchNormPoolingAndUpsamplingIn2d() {
        check(new long[] {3, 2, 6, 8}, (b, x) -> {
            FeatureMap h = b.selu(b.batchNorm(b.conv(x, 3, ConvGeometry.uniform(2, 3, 1, 1))));
            h = b.upsample(b.maxPool(h, all(2)), all(2));
            return b.sigmoid(b.transposedConv(h, 2, ConvGeometry.uniform(2, 3, 2, 1, 1)));
        });
    }

    @Test
    void poolingAndUpsamplingIn1dAnd3d() {
        check(new long[] {2, 2, 7}, (b, x) -> b.upsample(b.maxPool(b.selu(b.conv(x, 2,
                ConvGeometry.uniform(1, 3, 1, 1))), all(1)), all(1)));
        check(new long[] {2, 1, 4, 4, 6}, (b, x) -> b.sigmoid(b.upsample(b.maxPool(b.batchNorm(
                b.conv(x, 2, ConvGeometry.uniform(3, 3, 1, 1))), all(3)), all(3))));
    }

    @Test
    void poolingAndUpsamplingOfChosenAxesIn3dTo6d() {
        boolean[] outerAndLast = {true, false, false, true};
        check(new long[] {2, 2, 4, 1, 3, 5}, (b, x) -> b.upsample(b.maxPool(b.batchNorm(b.selu(b.conv(x, 2,
                ConvGeometry.uniform(4, 3, 1, 1)))), outerAndLast), outerAndLast));
        check(new long[] {2, 1, 3, 2, 2, 4, 2}, (b, x) -> b.sigmoid(b.maxPool(b.selu(x), all(5))));
        check(new long[] {2, 1, 2, 1, 2, 2, 1, 3}, (b, x) -> b.upsample(b.maxPool(b.selu(x),
                Pooling.halvable(x.lengths())), new boolean[] {true, false, false, true, false, true}));
        check(new long[] {2, 2, 4, 3, 5}, (b, x) -> b.maxPool(b.selu(x), new boolean[] {false, true, true}));
    }

    @Test
    void denseBatchNormDropoutAndGlobalPooling() {
        check(new long[] {4, 2, 6}, (b, x) -> {
            FeatureMap h = b.globalMaxPool(b.conv(x, 3, ConvGeometry.uniform(1, 3, 1, 1)));
            h = b.dropout(b.batchNorm(b.selu(b.dense(h, 5))), 0.2);
            return b.sigmoid(b.dense(b.flatten(h), 4));
        });
    }

    @Test
    void fourDimensionalCompactStage() {
        check(new long[] {2, 1, 3, 4, 4, 3}, (b, x) -> {
            FeatureMap h = b.selu(b.conv(x, 2, ConvGeometry.uniform(4, 3, 2, 1)));
            ConvGeometry up = ConvGeometry.uniform(4, 3, 2, 1).restoring(h.lengths(), x.lengths());
            return b.sigmoid(b.transposedConv(h, 1, up));
        });
    }

    @Test
    void futureFramePredictionFromContextStacksWithASkipConnection() {
        check(new long[] {2, 2, 4, 5, 6}, (b, x) -> {
            FeatureMap stacks = b.contextStacks(x, 2);
            FeatureMap h = b.maxPool(b.selu(b.conv(stacks, 3, ConvGeometry.uniform(2, 3, 1, 1))), all(2));
            h = b.transposedConv(h, 2, DeepArchitecture.doubling(h.lengths(), stacks.lengths()));
            FeatureMap predicted = b.sigmoid(b.conv(b.batchNorm(b.concatChannels(h, stacks)), 2,
                    ConvGeometry.uniform(2, 1, 1, 0)));
            return b.predictedWindow(x, predicted, 2);
        });
    }

    private static boolean[] all(int axes) {
        boolean[] flags = new boolean[axes];
        java.util.Arrays.fill(flags, true);
        return flags;
    }

    private static void check(long[] inputShape, BiFunction<GraphBuilder, FeatureMap, FeatureMap> network) {
        SameDiff sd = SameDiff.create();
        ParameterStore store = new ParameterStore(sd, DataType.DOUBLE, ParameterInit.UNIFORM_FAN_IN, 3);
        GraphBuilder builder = new GraphBuilder(store).branch(true);
        INDArray x = SeededArrays.uniform(8, DataType.DOUBLE, inputShape);
        long[] lengths = java.util.Arrays.copyOfRange(inputShape, 2, inputShape.length);
        FeatureMap out = network.apply(builder, new FeatureMap(sd.var("x", x), inputShape[1], lengths));
        long[] outShape = out.shape();
        outShape[0] = inputShape[0];
        sd.sum("loss", out.value().mul(sd.constant(SeededArrays.uniform(9, DataType.DOUBLE, outShape))));

        Map<String, INDArray> placeholders = new HashMap<>();
        for (DropoutMask mask : builder.masks()) {
            INDArray keep = SeededArrays.uniform(10, DataType.DOUBLE, inputShape[0], mask.valuesPerExample());
            placeholders.put(mask.placeholder(), Nd4j.createUninitialized(DataType.DOUBLE, keep.shape())
                    .assign(keep.gt(-0.6).castTo(DataType.DOUBLE).divi(0.8)));
        }
        List<String> variables = new ArrayList<>(store.trainable().keySet());
        variables.add("x");
        FiniteDifferences.assertGradientsMatch(sd, "loss", placeholders, variables, 20, 1e-5);
    }
}
