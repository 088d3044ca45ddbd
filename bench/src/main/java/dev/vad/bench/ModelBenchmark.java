package dev.vad.bench;

import dev.vad.model.Autoencoder;
import dev.vad.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the engine's {@link Autoencoder#fit} or {@link Autoencoder#reconstruct} on one seeded random batch in
 * [0, 1), allocated once per case and reused by every step: warm-up steps (a number of them, and for a time), then
 * {@code repeats} timed runs of
 * {@code timedIterations} steps; the median run gives the rate.
 */
public final class ModelBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBenchmark.class);

    private final LongSupplier nanoTime;

    /** @param nanoTime the clock, {@code System::nanoTime} outside tests */
    public ModelBenchmark(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Every case of {@code options}, in order, after setting the native thread count. */
    public List<ModelTiming> run(ModelBenchOptions options) {
        List<ModelTiming> timings = new ArrayList<>();
        for (BenchCase c : options.cases()) {
            timings.add(time(options, c));
        }
        return timings;
    }

    /** One case; sets the native thread count first. */
    public ModelTiming time(ModelBenchOptions options, BenchCase c) {
        int threads = NativeThreads.use(options.threads());
        Autoencoder model = Autoencoder.create(ModelSpec.of(c.preset(), c.channels(), options.seed(), c.lengths()));
        int windows = options.batchOf(c);
        INDArray batch = uniformBatch(options.seed(), c.batchShape(windows));
        Step step = options.mode() == BenchMode.TRAIN ? () -> model.fit(batch) : () -> {
            INDArray reconstruction = model.reconstruct(batch);
            reconstruction.close();
            return Double.NaN;
        };
        double loss = Double.NaN;
        long warmUpStart = nanoTime.getAsLong();
        for (int i = 0; !options.warmedUp(i, nanoTime.getAsLong() - warmUpStart); i++) {
            loss = step.run();
        }
        double[] seconds = new double[options.repeats()];
        for (int r = 0; r < seconds.length; r++) {
            long start = nanoTime.getAsLong();
            for (int i = 0; i < options.timedIterations(); i++) {
                loss = step.run();
            }
            seconds[r] = Math.max(1, nanoTime.getAsLong() - start) / 1e9;
        }
        double rate = (double) windows * options.timedIterations() / median(seconds);
        batch.close();
        LOG.info("{} mode={} threads={}: {} samples/s; timed runs took {} s", c.label(), options.mode().id(), threads,
                String.format("%.2f", rate), Arrays.toString(seconds));
        return new ModelTiming(c, options.mode(), windows, threads, model.parameterCount(),
                model.multiplyAddsPerExample(), rate, loss);
    }

    static INDArray uniformBatch(long seed, long[] shape) {
        SplittableRandom random = new SplittableRandom(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @FunctionalInterface
    private interface Step {
        double run();
    }
}
