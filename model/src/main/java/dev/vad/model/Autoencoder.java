package dev.vad.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A convolutional (or dense) autoencoder from a {@link ModelSpec}, held wholly in one SameDiff graph, in 32-bit
 * floats. Batches are {@code [batch, channels, spatialShape...]}, values in [0, 1]; reconstructions have the same
 * shape. Training minimises the mean squared error (averaged over every element, as PyTorch does) with Adam.
 * Not thread-safe: give each thread its own instance ({@link #fromBytes(byte[])} makes copies).
 */
public final class Autoencoder {
    private static final Logger LOG = LoggerFactory.getLogger(Autoencoder.class);
    static final DataType TYPE = DataType.FLOAT;

    private final ModelSpec spec;
    private final NetworkGraph graph;
    private final Map<String, INDArray> parameters;
    private final AdamOptimizer optimizer;
    private final SplittableRandom dropoutRandom;

    private Autoencoder(ModelSpec spec) {
        this.spec = spec;
        this.graph = NetworkGraph.build(spec, TYPE);
        this.parameters = graph.parameters();
        this.optimizer = new AdamOptimizer(parameters, spec.learningRate(),
                spec.preset().architecture().gradientClipNorm());
        this.dropoutRandom = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        LOG.debug("built {} autoencoder for input {} with {} parameters", spec.preset().id(), spec.inputShape(),
                parameterCount());
    }

    /** A freshly initialised autoencoder; the same spec always gives the same parameters. */
    public static Autoencoder create(ModelSpec spec) {
        return new Autoencoder(spec);
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static Autoencoder fromBytes(byte[] bytes) {
        return ModelCodec.read(bytes, null);
    }

    /**
     * Reads a model written by {@link #toBytes()}, refusing it unless its example shape
     * ({@code [channels, spatialShape...]}) is {@code expectedInputShape}.
     */
    public static Autoencoder fromBytes(byte[] bytes, List<Integer> expectedInputShape) {
        return ModelCodec.read(bytes, expectedInputShape);
    }

    /** The model: spec and every parameter and running statistic (not the optimiser's state). */
    public byte[] toBytes() {
        return ModelCodec.write(spec, graph.arrays());
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * One Adam step on {@code batch}; returns the batch's mean squared error before the step. The step runs as an
     * {@link ExecutionPlan} compiled for the batch's shape, and at most once a minute per process it ends with a full
     * collection ({@link GarbageRelease}).
     */
    public double fit(INDArray batch) {
        checkShape(batch);
        Map<String, INDArray> feed = new HashMap<>();
        INDArray input = batch.castTo(TYPE);
        feed.put(NetworkGraph.INPUT, input);
        long examples = batch.size(0);
        for (DropoutMask mask : graph.masks()) {
            feed.put(mask.placeholder(), dropoutMask(mask, examples));
        }
        try {
            ExecutionPlan pass = graph.train(feed);
            optimizer.step(parameters, graph.gradients(pass));
            for (RunningStatistics s : graph.statistics()) {
                updateRunning(s, pass, examples);
            }
            return pass.output(NetworkGraph.LOSS).getDouble(0);
        } finally {
            feed.remove(NetworkGraph.INPUT);
            NativeArrays.release(feed.values());
            if (input != batch) {
                NativeArrays.release(input);
            }
            GarbageRelease.PROCESS.maybeCollect();
        }
    }

    /** Sets the learning rate of the following training steps (e.g. halved when validation stalls). */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + learningRate);
        }
        optimizer.learningRate(learningRate);
    }

    /** The learning rate of the next training step. */
    public double learningRate() {
        return optimizer.learningRate();
    }

    /** The reconstruction of {@code batch} (inference: running batch-norm statistics, no dropout). */
    public INDArray reconstruct(INDArray batch) {
        return infer(batch, NetworkGraph.RECONSTRUCTION, INDArray::dup);
    }

    /** Mean squared reconstruction error of {@code batch} over every element, in inference mode. */
    public double loss(INDArray batch) {
        return infer(batch, NetworkGraph.EVAL_LOSS, output -> output.getDouble(0));
    }

    /** Number of trained values (weights, biases, batch-norm scales and shifts). */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(INDArray::length).sum();
    }

    /** Number of trained values in the encoder or the decoder. */
    public long parameterCount(NetworkPart part) {
        return graph.parts().entrySet().stream().filter(e -> e.getValue() == part)
                .mapToLong(e -> parameters.get(e.getKey()).length()).sum();
    }

    /**
     * Multiply-adds of one example's reconstruction, counted from the network's layers: its convolutions,
     * transposed convolutions and dense layers (batch norm, pooling and element-wise ops are not counted).
     */
    public long multiplyAddsPerExample() {
        return graph.multiplyAdds();
    }

    NetworkGraph graph() {
        return graph;
    }

    /** Copies saved arrays into this model's graph; names and shapes must match. */
    void load(Map<String, INDArray> saved) {
        Map<String, INDArray> own = graph.arrays();
        if (!own.keySet().equals(saved.keySet())) {
            throw new IllegalArgumentException("saved model holds arrays " + saved.keySet() + " but a "
                    + spec.preset().id() + " model for " + spec.inputShape() + " has " + own.keySet());
        }
        own.forEach((name, array) -> {
            INDArray value = saved.get(name);
            if (!Arrays.equals(array.shape(), value.shape()) || array.dataType() != value.dataType()) {
                throw new IllegalArgumentException("saved array " + name + " is " + value.dataType() + " "
                        + Arrays.toString(value.shape()) + ", expected " + array.dataType() + " "
                        + Arrays.toString(array.shape()));
            }
            array.assign(value);
        });
    }

    /** Runs the inference branch up to {@code output} and reads it before the next pass overwrites it. */
    private <T> T infer(INDArray batch, String output, Function<INDArray, T> read) {
        checkShape(batch);
        INDArray input = batch.castTo(TYPE);
        try {
            return read.apply(graph.infer(output, input).output(output));
        } finally {
            if (input != batch) {
                NativeArrays.release(input);
            }
        }
    }

    private void checkShape(INDArray batch) {
        long[] shape = batch.shape();
        List<Integer> expected = spec.inputShape();
        boolean matches = shape.length == expected.size() + 1 && shape[0] > 0;
        for (int i = 0; matches && i < expected.size(); i++) {
            matches = shape[i + 1] == expected.get(i);
        }
        if (!matches) {
            throw new IllegalArgumentException("expected a batch of shape [batch, "
                    + expected.toString().substring(1) + ", found " + Arrays.toString(shape));
        }
    }

    private INDArray dropoutMask(DropoutMask mask, long examples) {
        double keep = 1.0 - mask.rate();
        float[] values = new float[Math.toIntExact(examples * mask.valuesPerExample())];
        for (int i = 0; i < values.length; i++) {
            values[i] = dropoutRandom.nextDouble() < keep ? (float) (1.0 / keep) : 0f;
        }
        return Nd4j.create(values, new long[] {examples, mask.valuesPerExample()}, 'c').castTo(TYPE);
    }

    private void updateRunning(RunningStatistics s, ExecutionPlan pass, long examples) {
        double m = RunningStatistics.MOMENTUM;
        long n = examples * s.valuesPerExample();
        double unbiased = n > 1 ? (double) n / (n - 1) : 1.0;
        INDArray runningMean = graph.sameDiff().getArrForVarName(s.runningMean());
        INDArray runningVariance = graph.sameDiff().getArrForVarName(s.runningVariance());
        try (INDArray mean = pass.output(s.batchMean()).mul(m);
             INDArray variance = pass.output(s.batchVariance()).mul(m * unbiased)) {
            runningMean.muli(1 - m).addi(mean);
            runningVariance.muli(1 - m).addi(variance);
        }
    }
}
