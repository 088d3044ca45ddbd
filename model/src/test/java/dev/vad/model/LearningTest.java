package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seeded training on synthetic scenes: held-out error must fall well below the predict-the-mean baseline. */
class LearningTest {
    private static final Logger LOG = LoggerFactory.getLogger(LearningTest.class);

    @Test
    void compact2dLearnsFramesWellBelowTheMeanBaseline() {
        INDArray train = SyntheticScenes.frames(1, 256, 32, 32);
        INDArray heldOut = SyntheticScenes.frames(2, 64, 32, 32);
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 11, 32, 32).withLearningRate(5e-3));
        double ratio = train(model, train, heldOut, 400, 16);
        assertThat(ratio).isLessThan(0.5);
    }

    @Test
    void compact3dLearnsWindowsWellBelowTheMeanBaseline() {
        INDArray train = SyntheticScenes.windows(3, 128, 8, 32, 32);
        INDArray heldOut = SyntheticScenes.windows(4, 32, 8, 32, 32);
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 11, 8, 32, 32)
                .withLearningRate(5e-3));
        double ratio = train(model, train, heldOut, 300, 8);
        assertThat(ratio).isLessThan(0.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SIMPLE, 150, 3e-3", "DEEP, 150, 3e-3", "DENSE, 300, 3e-3", "WIDE, 100, 1e-4"})
    void preset2dLearnsFramesWellBelowTheMeanBaseline(Preset preset, int steps, double learningRate) {
        INDArray train = SyntheticScenes.frames(5, 256, 16, 16);
        INDArray heldOut = SyntheticScenes.frames(6, 64, 16, 16);
        Autoencoder model = Autoencoder.create(ModelSpec.of(preset, 1, 11, 16, 16).withLearningRate(learningRate));
        assertThat(train(model, train, heldOut, steps, 16)).isLessThan(0.5);
    }

    /** True 5D and 6D views of 4-frame 16x16 windows: blocks and pixels of 4, time split 2x2 in 6D. */
    @ParameterizedTest(name = "{0}D")
    @CsvSource({"5, 600", "6, 600"})
    void compactLearnsTheTrueNdViewsWellBelowTheMeanBaseline(int dimensions, int steps) {
        WindowView view = WindowView.natural(dimensions, 4, 16, 16);
        INDArray train = view.toView(SyntheticScenes.windows(7, 48, 4, 16, 16));
        INDArray heldOut = view.toView(SyntheticScenes.windows(8, 12, 4, 16, 16));
        int[] shape = view.spatialShape().stream().mapToInt(Integer::intValue).toArray();
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 11, shape).withLearningRate(3e-3));
        assertThat(train(model, train, heldOut, steps, 8)).isLessThan(0.7);
    }

    /** The pooling presets in the 4D-6D views of 4-frame 16x16 windows (short axes pass through unpooled). */
    @ParameterizedTest(name = "{0} {1}D")
    @CsvSource({"SIMPLE, 4, 150, 0.3", "SIMPLE, 5, 150, 0.7", "SIMPLE, 6, 150, 0.7", "DEEP, 4, 150, 0.5",
        "DEEP, 5, 300, 0.75"})
    void poolingPresetsLearnTheNdViewsBelowTheMeanBaseline(Preset preset, int dimensions, int steps,
            double bound) {
        WindowView view = WindowView.natural(dimensions, 4, 16, 16);
        INDArray train = view.toView(SyntheticScenes.windows(7, 48, 4, 16, 16));
        INDArray heldOut = view.toView(SyntheticScenes.windows(8, 12, 4, 16, 16));
        int[] shape = view.spatialShape().stream().mapToInt(Integer::intValue).toArray();
        Autoencoder model = Autoencoder.create(ModelSpec.of(preset, 1, 11, shape).withLearningRate(3e-3));
        assertThat(train(model, train, heldOut, steps, 8)).isLessThan(bound);
    }

    /**
     * {@code future} on 6-frame windows: its prediction error on the two predicted frames of held-out windows must
     * fall well below predicting them by the training frames' mean and copying the frame before. The last 100 of
     * its 300 steps take a tenth of the learning rate, as the trainer lowers it when validation stalls: at 3e-3
     * the held-out error measured every 50 steps swings between 0.0005 and 0.0045 (five seeds; batch norm's running
     * statistics trail the weights) and crossed the copy's 0.0015 at step 300 on one machine; at a tenth it
     * settles at 0.0004-0.0005 for every seed.
     */
    @Test
    void futurePredictsHeldOutFramesBetterThanTheMeanAndThanTheFrameBefore() {
        INDArray train = SyntheticScenes.windows(9, 128, 6, 16, 16);
        INDArray heldOut = SyntheticScenes.windows(10, 32, 6, 16, 16);
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.FUTURE, 1, 11, 6, 16, 16).withLearningRate(3e-3));
        INDArray predicted = heldOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(4, 6)).dup();
        INDArray before = heldOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(3, 5)).dup();
        double mean = SyntheticScenes.meanBaseline(train.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(4, 6)), predicted);
        double copy = predicted.squaredDistance(before) / predicted.length();
        train(model, train, heldOut, 200, 8);
        model.setLearningRate(3e-4);
        train(model, train, heldOut, 100, 8);
        INDArray prediction = model.reconstruct(heldOut).get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(4, 6)).dup();
        double error = predicted.squaredDistance(prediction) / predicted.length();
        LOG.info("future: prediction MSE {}, mean baseline {}, copy of the frame before {}", error, mean, copy);
        assertThat(error).isLessThan(0.5 * mean).isLessThan(0.5 * copy);
    }

    static double train(Autoencoder model, INDArray train, INDArray heldOut, int steps, int batchSize) {
        double baseline = SyntheticScenes.meanBaseline(train, heldOut);
        double before = model.loss(heldOut);
        long n = train.size(0);
        long t0 = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            long start = (step * (long) batchSize) % n;
            model.fit(train.get(NDArrayIndex.interval(start, start + batchSize)));
        }
        double after = model.loss(heldOut);
        LOG.info("{} {}: mean baseline {}, held-out MSE {} -> {} after {} steps ({} ms)", model.spec().preset().id(),
                model.spec().spatialShape(), baseline, before, after, steps, (System.nanoTime() - t0) / 1_000_000);
        return after / baseline;
    }
}
