package dev.vad.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One autoencoder as a single SameDiff graph: an input placeholder, a training branch ending in the mean squared
 * error {@value #LOSS}, and an inference branch ending in {@value #RECONSTRUCTION} and its error
 * {@value #EVAL_LOSS}. Both branches share the parameters; only batch norm and dropout differ between them.
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

    private NetworkGraph(SameDiff sd, ParameterStore store, GraphBuilder builder) {
        this.sd = sd;
        this.trainable = store.trainable();
        this.state = store.state();
        this.statistics = builder.statistics();
        this.masks = builder.masks();
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

    SameDiff sameDiff() {
        return sd;
    }

    /**
     * Ends this thread's training step in SameDiff's gradient session: the arrays the step left there serve the next
     * step, and what a whole step did not use is freed (see {@link StepMemory}). The first call installs the step
     * memory, so the arrays of the very first step are freed by the caller or left to the garbage collector.
     *
     * @return how many arrays the step had left open (0 on the first call)
     */
    int endTrainingStep() {
        return endStep(gradientSession());
    }

    /**
     * Ends this thread's inference call (reconstruction or loss) the same way, in the graph's own session: its
     * arrays, the output included, serve the next call, so the output must have been read or copied by now.
     *
     * @return how many arrays the call had left open (0 on the first call)
     */
    int endInference() {
        return endStep(sd.getSessions().get(Thread.currentThread().getId()));
    }

    /** This thread's step memory, once a training step has installed it. */
    Optional<StepMemory> stepMemory() {
        return memoryOf(gradientSession());
    }

    /** This thread's inference memory, once an inference call has installed it. */
    Optional<StepMemory> inferenceMemory() {
        return memoryOf(sd.getSessions().get(Thread.currentThread().getId()));
    }

    private static int endStep(InferenceSession session) {
        if (session == null) {
            return 0;
        }
        if (session.getMmgr() instanceof StepMemory memory) {
            return memory.endStep();
        }
        session.setMmgr(new StepMemory());
        return 0;
    }

    private static Optional<StepMemory> memoryOf(InferenceSession session) {
        return session != null && session.getMmgr() instanceof StepMemory memory ? Optional.of(memory)
                : Optional.empty();
    }

    private InferenceSession gradientSession() {
        SameDiff gradient = sd.getFunction(GRADIENT_FUNCTION);
        return gradient == null ? null : gradient.getSessions().get(Thread.currentThread().getId());
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
