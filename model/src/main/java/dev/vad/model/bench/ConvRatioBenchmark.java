package dev.vad.model.bench;

import dev.vad.model.ExecutionPlan;
import dev.vad.model.nd.ConvGeometry;
import dev.vad.model.nd.NdConvolution;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code vad bench conv4d}: the engine's true 4D convolution ({@link NdConvolution}, built from native 3D ones)
 * against one native 3D convolution with the same output size and channels, forward and forward + backward.
 * The 4D one does 3x the multiply-adds; the goal is a time ratio of at most {@value ConvRatio#GOAL}.
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
        try (ConvGraph conv4d = new ConvGraph(options.input4d(), options);
             ConvGraph conv3d = new ConvGraph(options.input3d(), options)) {
            double macRatio = conv4d.multiplyAdds() / conv3d.multiplyAdds();
            ConvRatio forward = new ConvRatio("forward", options, threads, millis(conv4d::forward, options),
                    millis(conv3d::forward, options), macRatio);
            ConvRatio backward = new ConvRatio("forward_backward", options, threads,
                    millis(conv4d::backward, options), millis(conv3d::backward, options), macRatio);
            return List.of(forward, backward);
        }
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

    /**
     * One convolution (no bias) in its own graph, run as execution plans as the models are; input and weights are
     * variables so both get gradients.
     */
    private static final class ConvGraph implements AutoCloseable {
        private final SameDiff sd = SameDiff.create();
        private final ExecutionPlan forward;
        private final ExecutionPlan backward;
        private final long[] inputShape;
        private final long channels;

        ConvGraph(long[] inputShape, ConvRatioOptions o) {
            this.inputShape = inputShape.clone();
            this.channels = o.channels();
            int n = inputShape.length - 2;
            long[] lengths = Arrays.copyOfRange(inputShape, 2, inputShape.length);
            long[] weightShape = new long[n + 2];
            Arrays.fill(weightShape, KERNEL);
            weightShape[n] = channels;
            weightShape[n + 1] = channels;
            SDVariable x = sd.var("x", ModelBenchmark.uniformBatch(o.seed(), inputShape));
            SDVariable w = sd.var("w", ModelBenchmark.uniformBatch(o.seed() + 1, weightShape).subi(0.5));
            SDVariable y = NdConvolution.convolve(sd, x, channels, channels, lengths, w,
                    ConvGeometry.uniform(n, KERNEL, 1, 1));
            sd.setLossVariables(sd.mean("loss", y));
            forward = ExecutionPlan.compile(sd, sd, Map.of(), List.of(y.name()));
            sd.createGradFunction("x", "w");
            backward = ExecutionPlan.compile(sd.getFunction("grad"), sd, Map.of(),
                    List.of(sd.getGradForVariable("x").name(), sd.getGradForVariable("w").name()));
        }

        void forward() {
            forward.run(Map.of());
        }

        void backward() {
            backward.run(Map.of());
        }

        @Override
        public void close() {
            forward.close();
            backward.close();
        }

        /** Nominal multiply-adds: output elements x taps x input channels (stride 1, padding 1: output = input). */
        double multiplyAdds() {
            double outputs = 1;
            for (long d : inputShape) {
                outputs *= d;
            }
            return outputs * Math.pow(KERNEL, inputShape.length - 2) * channels;
        }
    }
}
