package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import dev.vad.model.nd.NdConvolution;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One N-D convolution (stride 1, padding 1, odd cubic kernel, no bias) in a graph of its own, run the way a model
 * runs its passes: forward, and forward + backward (the gradients of the input and of the weights). For timing the
 * engine's convolutions apart from any network ({@code vad bench conv4d}).
 */
public final class ConvolutionPasses implements AutoCloseable {
    private final ExecutionPlan forward;
    private final ExecutionPlan backward;
    private final double multiplyAdds;

    private ConvolutionPasses(ExecutionPlan forward, ExecutionPlan backward, double multiplyAdds) {
        this.forward = forward;
        this.backward = backward;
        this.multiplyAdds = multiplyAdds;
    }

    /**
     * @param input   {@code [batch, channels, lengths...]}
     * @param weights {@code [k, ..., k, channels, channels]}: one odd kernel length k per axis of the input,
     *                as many channels out as in
     */
    public static ConvolutionPasses of(INDArray input, INDArray weights) {
        long[] x = input.shape();
        long[] w = weights.shape();
        int n = x.length - 2;
        long channels = x[1];
        int kernel = Math.toIntExact(w[0]);
        if (w.length != n + 2 || w[n] != channels || w[n + 1] != channels || kernel % 2 == 0
                || Arrays.stream(w, 0, n).anyMatch(k -> k != kernel)) {
            throw new IllegalArgumentException("weights of input " + Arrays.toString(x) + " must be [" + "k, ".repeat(n)
                    + channels + ", " + channels + "] with one odd k, found " + Arrays.toString(w));
        }
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", input);
        SDVariable kernels = sd.var("w", weights);
        SDVariable y = NdConvolution.convolve(sd, in, channels, channels, Arrays.copyOfRange(x, 2, x.length),
                kernels, ConvGeometry.uniform(n, kernel, 1, kernel / 2));
        sd.setLossVariables(sd.mean("loss", y));
        ExecutionPlan forward = ExecutionPlan.compile(sd, sd, Map.of(), List.of(y.name()));
        sd.createGradFunction("x", "w");
        ExecutionPlan backward = ExecutionPlan.compile(sd.getFunction("grad"), sd, Map.of(),
                List.of(sd.getGradForVariable("x").name(), sd.getGradForVariable("w").name()));
        return new ConvolutionPasses(forward, backward, input.length() * Math.pow(kernel, n) * channels);
    }

    /** One forward pass. */
    public void forward() {
        forward.run(Map.of());
    }

    /** One forward and backward pass. */
    public void backward() {
        backward.run(Map.of());
    }

    /** Multiply-adds of one forward pass: output elements (as many as the input's) x taps x input channels. */
    public double multiplyAdds() {
        return multiplyAdds;
    }

    @Override
    public void close() {
        forward.close();
        backward.close();
    }
}
