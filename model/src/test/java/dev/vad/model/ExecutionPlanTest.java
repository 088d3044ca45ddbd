package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Execution plans against SameDiff's own session on the same graphs: every output and gradient alike. */
class ExecutionPlanTest {

    @ParameterizedTest(name = "{0} {1}D")
    @MethodSource("dev.vad.model.AutoencoderTest#presetsAndViews")
    void trainingAndInferencePlansComputeWhatTheSessionComputes(Preset preset, int dimensions) {
        int frames = Math.max(4, preset.contextFrames() + 2);
        WindowView view = WindowView.natural(dimensions, frames, 8, 8);
        int[] shape = view.spatialShape().stream().mapToInt(Integer::intValue).toArray();
        NetworkGraph graph = Autoencoder.create(ModelSpec.of(preset, 1, 5, shape)).graph();
        for (long seed : new long[] {3, 4}) {
            Map<String, INDArray> feed = feed(graph, view.toView(SyntheticScenes.windows(seed, 2, frames, 8, 8)), seed);
            List<String> outputs = new ArrayList<>(List.of(NetworkGraph.LOSS));
            graph.statistics().forEach(s -> outputs.addAll(List.of(s.batchMean(), s.batchVariance())));
            OutAndGrad session = graph.sameDiff().calculateGradientsAndOutputs(feed, outputs,
                    graph.parameters().keySet());
            INDArray reconstruction = graph.sameDiff().outputSingle(Map.of(NetworkGraph.INPUT,
                    feed.get(NetworkGraph.INPUT)), NetworkGraph.RECONSTRUCTION);

            ExecutionPlan pass = graph.train(feed);
            for (String output : outputs) {
                assertClose(pass.output(output), session.getOutputs().get(output), output);
            }
            for (String parameter : graph.parameters().keySet()) {
                assertClose(pass.output(graph.gradientOf(parameter)), session.getGradients().get(parameter),
                        parameter + " gradient");
            }
            assertClose(graph.infer(NetworkGraph.RECONSTRUCTION, feed.get(NetworkGraph.INPUT))
                    .output(NetworkGraph.RECONSTRUCTION), reconstruction, "reconstruction");
        }
    }

    @Test
    void intermediateArraysAreSharedBetweenOpsThatDoNotOverlap() {
        NetworkGraph graph = Autoencoder.create(ModelSpec.of(Preset.DEEP, 1, 5, 4, 16, 16)).graph();
        ExecutionPlan pass = graph.train(feed(graph, SyntheticScenes.windows(3, 2, 4, 16, 16), 3));

        assertThat(pass.ops()).isGreaterThan(100);
        // Every op writes at least one array; a plan without sharing would hold more arrays than it has ops.
        assertThat(pass.arrays()).isLessThan(pass.ops() / 2);
    }

    @Test
    void aRunRefusesPlaceholdersOfAnotherShape() {
        ExecutionPlan plan = doubled(Nd4j.ones(DataType.FLOAT, 2, 3));

        assertThatThrownBy(() -> plan.run(Map.of("x", Nd4j.ones(DataType.FLOAT, 3, 3))))
                .hasMessageContaining("[2, 3]").hasMessageContaining("[3, 3]");
        assertThatThrownBy(() -> plan.output("nothing")).hasMessageContaining("not nothing");
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedPlansAndFreesTheRest() {
        PlanCache cache = new PlanCache(2);
        Map<Integer, ExecutionPlan> plans = new HashMap<>();
        for (int rows : new int[] {1, 2, 1, 3}) {
            Map<String, INDArray> feed = Map.of("x", Nd4j.ones(DataType.FLOAT, rows, 3).muli(rows));
            ExecutionPlan plan = cache.run(List.of("y"), feed, () -> doubled(feed.get("x")));
            assertThat(plan.output("y").getDouble(0)).isEqualTo(2.0 * rows + 1);
            assertThat(plans.computeIfAbsent(rows, r -> plan)).isSameAs(plan);
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(plans.get(2).output("y").wasClosed()).isTrue();
        assertThat(plans.get(1).output("y").wasClosed()).isFalse();
        cache.close();
        assertThat(plans.get(1).output("y").wasClosed()).isTrue();
    }

    /** {@code y = 2x + 1}, compiled for {@code x}'s shape. */
    private static ExecutionPlan doubled(INDArray x) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        input.mul(2.0).add("y", 1.0);
        return ExecutionPlan.compile(sd, sd, Map.of("x", x), List.of("y"));
    }

    private static Map<String, INDArray> feed(NetworkGraph graph, INDArray input, long seed) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(NetworkGraph.INPUT, input);
        for (DropoutMask mask : graph.masks()) {
            INDArray uniform = SeededArrays.uniform(seed, DataType.FLOAT, input.size(0), mask.valuesPerExample());
            feed.put(mask.placeholder(), uniform.gt(mask.rate()).castTo(DataType.FLOAT).divi(1 - mask.rate()));
        }
        return feed;
    }

    private static void assertClose(INDArray actual, INDArray expected, String what) {
        assertThat(actual.shape()).as(what).containsExactly(expected.shape());
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-30);
        assertThat(actual.sub(expected).amaxNumber().doubleValue() / scale).as(what).isLessThanOrEqualTo(1e-6);
    }
}
