package dev.vad.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One autoencoder as a single SameDiff graph: an input placeholder, a training branch ending in the mean squared
 * error {@value #LOSS}, and an inference branch ending in {@value #RECONSTRUCTION} and its error
 * {@value #EVAL_LOSS}. Both branches share the parameters; only batch norm and dropout differ between them. Passes run
 * as {@link ExecutionPlan}s compiled for their input shapes, the most recently used kept ({@link PlanCache}).
 */
final class NetworkGraph {
    static final String INPUT = "input";
    static final String LOSS = "loss";
    static final String RECONSTRUCTION = "reconstruction";
    static final String EVAL_LOSS = "eval_loss";
    /** The name SameDiff gives the function that computes gradients. */
    private static final String GRADIENT_FUNCTION = "grad";

    /**
     * SameDiff's array cache (on by default) keeps released intermediate arrays for reuse, up to a quarter of the
     * JVM's maximum memory in native memory: a long-running trainer's resident memory then climbs for many minutes.
     * Off, intermediates are freed as soon as the graph is done with them. An explicit setting is respected.
     */
    static final String ARRAY_CACHE_PROPERTY = "org.nd4j.autodiff.samediff";

    static {
        if (System.getProperty(ARRAY_CACHE_PROPERTY) == null) {
            System.setProperty(ARRAY_CACHE_PROPERTY, "false");
        }
    }

    private final SameDiff sd;
    private final Map<String, NetworkPart> trainable;
    private final List<String> state;
    private final List<RunningStatistics> statistics;
    private final List<DropoutMask> masks;
    private final long multiplyAdds;
    private final PlanCache trainingPlans = new PlanCache(2);
    private final PlanCache inferencePlans = new PlanCache(3);
    private List<String> trainingOutputs;
    private Map<String, String> gradientNames;

    private NetworkGraph(SameDiff sd, ParameterStore store, GraphBuilder builder) {
        this.sd = sd;
        this.trainable = store.trainable();
        this.state = store.state();
        this.statistics = builder.statistics();
        this.masks = builder.masks();
        this.multiplyAdds = builder.multiplyAdds();
    }

    static NetworkGraph build(ModelSpec spec, DataType type) {
        SameDiff sd = SameDiff.create();
        Architecture architecture = spec.preset().architecture();
        ParameterStore store = new ParameterStore(sd, type, architecture.init(spec.dimensions()), spec.seed());
        GraphBuilder builder = new GraphBuilder(store);
        long[] shape = new long[spec.dimensions() + 2];
        shape[0] = -1;
        for (int i = 0; i < spec.dimensions() + 1; i++) {
            shape[i + 1] = spec.inputShape().get(i);
        }
        SDVariable inputValue = sd.placeHolder(INPUT, type, shape);
        FeatureMap input = new FeatureMap(inputValue, spec.channels(), spec.lengths());
        FeatureMap trained = architecture.build(builder.branch(true), input);
        FeatureMap inferred = architecture.build(builder.branch(false), input);
        if (trained.channels() != input.channels() || !Arrays.equals(trained.lengths(), input.lengths())) {
            throw new IllegalStateException(spec.preset().id() + " maps " + input + " to " + trained
                    + "; every preset must give back its input shape");
        }
        sd.mean(LOSS, sd.math().squaredDifference(trained.value(), inputValue));
        sd.identity(RECONSTRUCTION, inferred.value());
        sd.mean(EVAL_LOSS, sd.math().squaredDifference(inferred.value(), inputValue));
        sd.setLossVariables(LOSS);
        return new NetworkGraph(sd, store, builder);
    }

    /** Multiply-adds per example of one inference pass ({@link GraphBuilder#multiplyAdds()}). */
    long multiplyAdds() {
        return multiplyAdds;
    }

    SameDiff sameDiff() {
        return sd;
    }

    /**
     * One training pass on {@code feed} (the input and any dropout masks): the returned plan's outputs hold the loss,
     * each batch-norm layer's batch statistics and each parameter's gradient ({@link #gradientOf}), until the next
     * pass. The gradient function is made on the first pass.
     */
    ExecutionPlan train(Map<String, INDArray> feed) {
        if (trainingOutputs == null) {
            sd.createGradFunction(trainable.keySet().toArray(String[]::new));
            gradientNames = new LinkedHashMap<>();
            trainable.keySet().forEach(name -> gradientNames.put(name, sd.getGradForVariable(name).name()));
            List<String> outputs = new ArrayList<>();
            outputs.add(LOSS);
            for (RunningStatistics s : statistics) {
                outputs.add(s.batchMean());
                outputs.add(s.batchVariance());
            }
            outputs.addAll(gradientNames.values());
            trainingOutputs = List.copyOf(outputs);
        }
        SameDiff gradient = sd.getFunction(GRADIENT_FUNCTION);
        return trainingPlans.run(trainingOutputs, feed,
                () -> ExecutionPlan.compile(gradient, sd, feed, trainingOutputs));
    }

    /** The name of a trainable parameter's gradient among a training pass's outputs (after the first pass). */
    String gradientOf(String parameter) {
        return gradientNames.get(parameter);
    }

    /** Each trainable parameter's gradient from {@code pass}, a plan {@link #train} returned. */
    Map<String, INDArray> gradients(ExecutionPlan pass) {
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradientNames.forEach((parameter, gradient) -> gradients.put(parameter, pass.output(gradient)));
        return gradients;
    }

    /**
     * One inference pass up to {@code output} ({@link #RECONSTRUCTION} or {@link #EVAL_LOSS}) on {@code input}: the
     * returned plan's output holds it until the next pass.
     */
    ExecutionPlan infer(String output, INDArray input) {
        List<String> outputs = List.of(output);
        Map<String, INDArray> feed = Map.of(INPUT, input);
        return inferencePlans.run(outputs, feed, () -> ExecutionPlan.compile(sd, sd, feed, outputs));
    }

    /** Trainable parameter arrays, in creation order. */
    Map<String, INDArray> parameters() {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        trainable.keySet().forEach(name -> arrays.put(name, sd.getArrForVarName(name)));
        return arrays;
    }

    /** Trainable parameters, then running statistics: everything a saved model holds. */
    Map<String, INDArray> arrays() {
        Map<String, INDArray> arrays = parameters();
        state.forEach(name -> arrays.put(name, sd.getArrForVarName(name)));
        return arrays;
    }

    Map<String, NetworkPart> parts() {
        return trainable;
    }

    List<RunningStatistics> statistics() {
        return statistics;
    }

    List<DropoutMask> masks() {
        return masks;
    }
}
