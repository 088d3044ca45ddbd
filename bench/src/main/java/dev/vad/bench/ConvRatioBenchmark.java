package dev.vad.bench;

import dev.vad.model.ConvolutionPasses;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code vad bench conv4d}: the engine's true 4D convolution (built from native 3D ones) against one native 3D
 * convolution with the same output size and channels, forward and forward + backward, each as
 * {@link ConvolutionPasses}. The 4D one does 3x the multiply-adds; the goal is a time ratio of at most
 * {@value ConvRatio#GOAL}.
 */
public final class ConvRatioBenchmark {
    private static final int KERNEL = 3;

    private final LongSupplier nanoTime;

    /** @param nanoTime the clock, {@code System::nanoTime} outside tests */
    public ConvRatioBenchmark(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Forward, then forward + backward. */
    public List<ConvRatio> run(ConvRatioOptions options) {
        int threads = NativeThreads.use(options.threads());
        try (ConvolutionPasses conv4d = passes(options.input4d(), options);
             ConvolutionPasses conv3d = passes(options.input3d(), options)) {
            double macRatio = conv4d.multiplyAdds() / conv3d.multiplyAdds();
            ConvRatio forward = new ConvRatio("forward", options, threads, millis(conv4d::forward, options),
                    millis(conv3d::forward, options), macRatio);
            ConvRatio backward = new ConvRatio("forward_backward", options, threads,
                    millis(conv4d::backward, options), millis(conv3d::backward, options), macRatio);
            return List.of(forward, backward);
        }
    }

    /** One convolution over a seeded input of {@code inputShape}, kernel 3, seeded weights in [-0.5, 0.5). */
    private static ConvolutionPasses passes(long[] inputShape, ConvRatioOptions o) {
        int n = inputShape.length - 2;
        long[] weightShape = new long[n + 2];
        Arrays.fill(weightShape, KERNEL);
        weightShape[n] = o.channels();
        weightShape[n + 1] = o.channels();
        return ConvolutionPasses.of(ModelBenchmark.uniformBatch(o.seed(), inputShape),
                ModelBenchmark.uniformBatch(o.seed() + 1, weightShape).subi(0.5));
    }

    private double millis(Runnable pass, ConvRatioOptions o) {
        long warmUpStart = nanoTime.getAsLong();
        for (int i = 0; !o.warmedUp(i, nanoTime.getAsLong() - warmUpStart); i++) {
            pass.run();
        }
        double[] perPass = new double[o.repeats()];
        for (int r = 0; r < perPass.length; r++) {
            long start = nanoTime.getAsLong();
            for (int i = 0; i < o.timedIterations(); i++) {
                pass.run();
            }
            perPass[r] = (nanoTime.getAsLong() - start) / 1e6 / o.timedIterations();
        }
        return ModelBenchmark.median(perPass);
    }
}
