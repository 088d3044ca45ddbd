package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import dev.vad.model.nd.NdConvolution;
import dev.vad.model.nd.NdTransposedConvolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds one branch of a network graph layer by layer. An architecture is built twice on one builder: the
 * training branch (batch statistics in batch norm, dropout masks) and the inference branch (running statistics,
 * no dropout); layer {@code i} of both branches shares the parameters named {@code L<i>_...}.
 */
final class GraphBuilder {
    private static final double BATCH_NORM_EPSILON = 1e-5;

    private final ParameterStore parameters;
    private final SameDiff sd;
    private final List<RunningStatistics> statistics = new ArrayList<>();
    private final List<DropoutMask> masks = new ArrayList<>();
    private boolean training;
    private int layer;
    private long multiplyAdds;
    private long foldedExamples = 1;

    GraphBuilder(ParameterStore parameters) {
        this.parameters = parameters;
        this.sd = parameters.graph();
    }

    /** Starts a branch: layer numbering restarts, so the branch reuses the parameters of the first one. */
    GraphBuilder branch(boolean trainingBranch) {
        this.training = trainingBranch;
        this.layer = 0;
        this.multiplyAdds = 0;
        this.foldedExamples = 1;
        parameters.enter(NetworkPart.ENCODER);
        return this;
    }

    /** Layers added from now on belong to the decoder. */
    void decoder() {
        parameters.enter(NetworkPart.DECODER);
    }

    /**
     * Multiply-adds per example of the branch built so far, forward: those of its convolutions, transposed
     * convolutions and dense layers (batch norm, pooling and element-wise ops are not counted). A convolution does
     * output positions x output channels x taps x input channels; a transposed one input positions x input
     * channels x taps x output channels; a dense layer inputs x units. Layers on a batch that folds several rows
     * into each example ({@link #contextStacks}) count once per row.
     */
    long multiplyAdds() {
        return multiplyAdds;
    }

    List<RunningStatistics> statistics() {
        return List.copyOf(statistics);
    }

    List<DropoutMask> masks() {
        return List.copyOf(masks);
    }

    FeatureMap conv(FeatureMap x, long channelsOut, ConvGeometry g) {
        String name = nextLayer("conv");
        long[] out = g.convolvedLengths(x.lengths());
        long fanIn = x.channels() * g.taps();
        SDVariable w = parameters.weight(name + "_w", fanIn, kernelShape(g, x.channels(), channelsOut));
        SDVariable b = parameters.bias(name + "_b", fanIn, channelsOut);
        multiplyAdds += foldedExamples * positions(out) * channelsOut * g.taps() * x.channels();
        return new FeatureMap(NdConvolution.convolve(sd, x.value(), x.channels(), channelsOut, x.lengths(), w, b, g,
                training), channelsOut, out);
    }

    FeatureMap transposedConv(FeatureMap x, long channelsOut, ConvGeometry g) {
        String name = nextLayer("tconv");
        long[] out = g.transposedLengths(x.lengths());
        long fanIn = channelsOut * g.taps();
        SDVariable w = parameters.weight(name + "_w", fanIn, kernelShape(g, channelsOut, x.channels()));
        SDVariable b = parameters.bias(name + "_b", fanIn, channelsOut);
        multiplyAdds += foldedExamples * positions(x.lengths()) * x.channels() * g.taps() * channelsOut;
        return new FeatureMap(NdTransposedConvolution.transpose(sd, x.value(), x.channels(), channelsOut,
                x.lengths(), w, b, g, training), channelsOut, out);
    }

    FeatureMap dense(FeatureMap x, long units) {
        requireFlat(x, "dense");
        String name = nextLayer("dense");
        SDVariable w = parameters.weight(name + "_w", x.channels(), x.channels(), units);
        SDVariable b = parameters.bias(name + "_b", x.channels(), units);
        multiplyAdds += foldedExamples * x.channels() * units;
        return new FeatureMap(sd.mmul(x.value(), w).add(b), units, new long[0]);
    }

    /**
     * Batch norm over every axis but the channels; learnt scale and shift, one each per channel. The training
     * branch works on the map as rows {@code [batch*channels, values]} and takes every sum over the values and
     * every spreading back over them as a matrix product: ND4J's gradients of broadcasting element-wise ops are
     * many times slower than the same ops without the broadcast (figures: docs/performance,
     * 2026-12-03-engine-figures).
     */
    FeatureMap batchNorm(FeatureMap x) {
        String name = nextLayer("bn");
        long[] perChannel = broadcastShape(x.channels(), x.dimensions());
        SDVariable gamma = parameters.constant(name + "_gamma", 1.0, perChannel);
        SDVariable beta = parameters.constant(name + "_beta", 0.0, perChannel);
        SDVariable runningMean = parameters.state(name + "_mean", 0.0, perChannel);
        SDVariable runningVariance = parameters.state(name + "_var", 1.0, perChannel);
        if (!training) {
            SDVariable scale = sd.math().rsqrt(runningVariance.add(BATCH_NORM_EPSILON)).mul(gamma);
            return x.with(x.value().sub(runningMean).mul(scale).add(beta));
        }
        long channels = x.channels();
        long values = x.size() / channels;
        SDVariable rows = sd.reshape(x.value(), -1, values);
        SDVariable average = sd.constant(name + "_average",
                Nd4j.valueArrayOf(new long[] {values, 1}, 1.0 / values, parameters.type()));
        SDVariable spread = sd.constant(name + "_spread", Nd4j.ones(parameters.type(), 1, values));
        SDVariable rowMeans = sd.reshape(sd.mmul(rows, average), -1, channels);
        SDVariable ones = sd.onesLike(rowMeans);
        SDVariable mean = sd.mean(rowMeans, true, 0);
        SDVariable centred = rows.sub(toRows(ones.mul(mean), spread));
        SDVariable variance = sd.mean(sd.reshape(sd.mmul(centred.mul(centred), average), -1, channels), true, 0);
        SDVariable scale = sd.math().rsqrt(variance.add(BATCH_NORM_EPSILON)).mul(sd.reshape(gamma, 1, channels));
        SDVariable shift = sd.reshape(beta, 1, channels);
        SDVariable normalised = centred.mul(toRows(ones.mul(scale), spread)).add(toRows(ones.mul(shift), spread));
        SDVariable batchMean = sd.reshape(mean, perChannel);
        SDVariable batchVariance = sd.reshape(variance, perChannel);
        statistics.add(new RunningStatistics(runningMean.name(), runningVariance.name(), batchMean.name(),
                batchVariance.name(), values));
        return x.with(sd.reshape(normalised, x.shape()));
    }

    /** Per-channel values of each example ({@code [batch, channels]}) spread over a row of values each. */
    private SDVariable toRows(SDVariable perExampleChannel, SDVariable spread) {
        return sd.mmul(sd.reshape(perExampleChannel, -1, 1), spread);
    }

    /** Inverted dropout in the training branch (a mask placeholder per step), identity when inferring. */
    FeatureMap dropout(FeatureMap x, double rate) {
        requireFlat(x, "dropout");
        String name = nextLayer("dropout");
        if (!training) {
            return x;
        }
        SDVariable mask = sd.placeHolder(name + "_mask", parameters.type(), x.shape());
        masks.add(new DropoutMask(mask.name(), rate, x.size()));
        return x.with(x.value().mul(mask));
    }

    /**
     * ReLU as {@code max(x, 0)}: the same values and the same gradient as ND4J's {@code relu}, whose gradient op
     * ({@code thresholdedrelu_bp}) is much slower than the comparison, cast and product this one's takes (figures:
     * docs/performance, 2026-11-30-engine-profiles).
     */
    FeatureMap relu(FeatureMap x) {
        return x.with(sd.scalarMax(x.value(), 0.0));
    }

    FeatureMap selu(FeatureMap x) {
        return x.with(sd.nn().selu(x.value()));
    }

    FeatureMap sigmoid(FeatureMap x) {
        return x.with(sd.nn().sigmoid(x.value()));
    }

    /** Max pooling by 2 along the {@code pooled} axes. */
    FeatureMap maxPool(FeatureMap x, boolean[] pooled) {
        return Pooling.maxPool(sd, x, pooled);
    }

    FeatureMap globalMaxPool(FeatureMap x) {
        int[] axes = new int[x.dimensions()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 2;
        }
        return new FeatureMap(sd.max(x.value(), axes), x.channels(), new long[0]);
    }

    /** Nearest-neighbour up-sampling by 2 along the {@code scaled} axes. */
    FeatureMap upsample(FeatureMap x, boolean[] scaled) {
        return Pooling.upsample(sd, x, scaled);
    }

    /** {@code a} and {@code b} (same lengths) as one map, {@code a}'s channels first. */
    FeatureMap concatChannels(FeatureMap a, FeatureMap b) {
        if (!Arrays.equals(a.lengths(), b.lengths())) {
            throw new IllegalArgumentException("cannot concatenate " + a + " and " + b + ": lengths differ");
        }
        return new FeatureMap(sd.concat(1, a.value(), b.value()), a.channels() + b.channels(), a.lengths());
    }

    /**
     * For windows {@code [n, C, T, H, W]}: the {@code context} frames before each frame {@code t >= context},
     * stacked as channels ({@code c * context + k} holds channel c of frame {@code t - context + k}), as one 2D
     * batch {@code [(T - context) * n, C * context, H, W]} ordered by {@code t}, then by window.
     */
    FeatureMap contextStacks(FeatureMap window, int context) {
        long[] l = requireWindow(window, context);
        long channels = window.channels() * context;
        SDVariable[] stacks = new SDVariable[Math.toIntExact(l[0] - context)];
        for (int t = context; t < l[0]; t++) {
            SDVariable frames = window.value().get(SDIndex.all(), SDIndex.all(), SDIndex.interval(t - context, t),
                    SDIndex.all(), SDIndex.all());
            stacks[t - context] = sd.reshape(frames, -1, channels, l[1], l[2]);
        }
        SDVariable batch = stacks.length == 1 ? stacks[0] : sd.concat(0, stacks);
        foldedExamples *= stacks.length;
        return new FeatureMap(batch, channels, new long[] {l[1], l[2]});
    }

    /**
     * The windows {@code [n, C, T, H, W]} with every frame from {@code context} on replaced by its prediction, a
     * batch {@code [(T - context) * n, C, H, W]} in {@link #contextStacks}' order; the first {@code context} frames
     * pass through unchanged.
     */
    FeatureMap predictedWindow(FeatureMap window, FeatureMap predictions, int context) {
        long[] l = requireWindow(window, context);
        long c = window.channels();
        if (predictions.channels() != c || !Arrays.equals(predictions.lengths(), new long[] {l[1], l[2]})) {
            throw new IllegalArgumentException("predictions " + predictions + " do not fit window " + window);
        }
        SDVariable byFrame = sd.reshape(predictions.value(), l[0] - context, -1, c, l[1], l[2]);
        foldedExamples /= l[0] - context;
        SDVariable predicted = sd.permute(byFrame, 1, 2, 0, 3, 4);
        SDVariable kept = window.value().get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, context),
                SDIndex.all(), SDIndex.all());
        return window.with(sd.concat(2, kept, predicted));
    }

    private static long[] requireWindow(FeatureMap window, int context) {
        long[] l = window.lengths();
        if (l.length != 3 || l[0] <= context) {
            throw new IllegalArgumentException("prediction from " + context + " frames needs a window (T, H, W)"
                    + " of more than " + context + " frames, found " + window);
        }
        return l;
    }

    FeatureMap flatten(FeatureMap x) {
        return new FeatureMap(sd.reshape(x.value(), -1, x.size()), x.size(), new long[0]);
    }

    FeatureMap reshape(FeatureMap x, long channels, long[] lengths) {
        FeatureMap target = new FeatureMap(x.value(), channels, lengths);
        if (target.size() != x.size()) {
            throw new IllegalArgumentException("cannot reshape " + x + " to " + target);
        }
        return target.with(sd.reshape(x.value(), target.shape()));
    }

    private String nextLayer(String kind) {
        return "L" + (layer++) + "_" + kind;
    }

    private static long positions(long[] lengths) {
        long positions = 1;
        for (long length : lengths) {
            positions *= length;
        }
        return positions;
    }

    private static long[] broadcastShape(long channels, int dimensions) {
        long[] shape = new long[dimensions + 2];
        Arrays.fill(shape, 1);
        shape[1] = channels;
        return shape;
    }

    private static long[] kernelShape(ConvGeometry g, long first, long second) {
        long[] shape = new long[g.dimensions() + 2];
        for (int i = 0; i < g.dimensions(); i++) {
            shape[i] = g.kernel(i);
        }
        shape[g.dimensions()] = first;
        shape[g.dimensions() + 1] = second;
        return shape;
    }

    private static void requireFlat(FeatureMap x, String layerKind) {
        if (x.dimensions() != 0) {
            throw new IllegalArgumentException(layerKind + " needs a flat input, found " + x + "; flatten first");
        }
    }
}
