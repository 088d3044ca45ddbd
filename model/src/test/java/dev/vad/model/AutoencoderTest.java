package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AutoencoderTest {

    /** 2D frames; {@code future} takes windows (3D-6D views) and is in the every-view test below. */
    @ParameterizedTest
    @EnumSource(value = Preset.class, names = "FUTURE", mode = EnumSource.Mode.EXCLUDE)
    void savedModelReconstructsBitForBitAfterLoading(Preset preset) {
        int[] shape = preset == Preset.WIDE ? new int[] {16, 16} : new int[] {12, 16};
        Autoencoder model = Autoencoder.create(ModelSpec.of(preset, 1, 5, shape));
        INDArray batch = SyntheticScenes.frames(9, 8, shape[0], shape[1]);
        for (int i = 0; i < 3; i++) {
            model.fit(batch);
        }
        Autoencoder loaded = Autoencoder.fromBytes(model.toBytes(), List.of(1, shape[0], shape[1]));

        assertThat(loaded.spec()).isEqualTo(model.spec());
        assertThat(loaded.toBytes()).isEqualTo(model.toBytes());
        assertThat(bits(loaded.reconstruct(batch))).isEqualTo(bits(model.reconstruct(batch)));
    }

    @Test
    void aLowerLearningRateTakesSmallerSteps() {
        INDArray batch = SyntheticScenes.frames(9, 8, 12, 16);
        Autoencoder full = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 12, 16).withLearningRate(1e-2));
        Autoencoder slowed = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 12, 16).withLearningRate(1e-2));
        slowed.setLearningRate(1e-6);
        double before = full.loss(batch);
        for (int i = 0; i < 5; i++) {
            full.fit(batch);
            slowed.fit(batch);
        }

        assertThat(slowed.learningRate()).isEqualTo(1e-6);
        assertThat(Math.abs(slowed.loss(batch) - before)).isLessThan(Math.abs(full.loss(batch) - before) / 50);
        assertThatThrownBy(() -> slowed.setLearningRate(0)).hasMessageContaining("positive");
    }

    static Stream<Arguments> presetsAndViews() {
        return Arrays.stream(Preset.values()).flatMap(preset -> IntStream.rangeClosed(preset.minDimensions(),
                        preset.maxDimensions())
                .mapToObj(dimensions -> Arguments.of(preset, dimensions)));
    }

    @ParameterizedTest(name = "{0} {1}D")
    @MethodSource("presetsAndViews")
    void everyPresetTrainsSavesLoadsAndInfersBitExactlyInEveryView(Preset preset, int dimensions) {
        int frames = Math.max(4, preset.contextFrames() + 2);
        WindowView view = WindowView.natural(dimensions, frames, 8, 8);
        INDArray batch = view.toView(SyntheticScenes.windows(9, 2, frames, 8, 8));
        int[] shape = view.spatialShape().stream().mapToInt(Integer::intValue).toArray();
        Autoencoder model = Autoencoder.create(ModelSpec.of(preset, 1, 5, shape));
        assertThat(model.fit(batch)).isFinite().isPositive();
        Autoencoder loaded = Autoencoder.fromBytes(model.toBytes(), model.spec().inputShape());
        INDArray reconstruction = model.reconstruct(batch);
        assertThat(reconstruction.shape()).containsExactly(batch.shape());
        assertThat(bits(loaded.reconstruct(batch))).isEqualTo(bits(reconstruction));
    }

    /** A 4D-6D {@code future} reshapes its view back to the window: the same network as in 3D, value for value. */
    @ParameterizedTest(name = "{0}D")
    @ValueSource(ints = {4, 5, 6})
    void futureInASplitViewTrainsAndPredictsExactlyAsIn3d(int dimensions) {
        INDArray windows = SyntheticScenes.windows(9, 2, 8, 8, 8);
        WindowView window = WindowView.natural(3, 8, 8, 8);
        WindowView view = WindowView.natural(dimensions, 8, 8, 8);
        Autoencoder in3d = Autoencoder.create(ModelSpec.of(Preset.FUTURE, 1, 5, 8, 8, 8));
        Autoencoder inView = Autoencoder.create(ModelSpec.of(Preset.FUTURE, 1, 5,
                view.spatialShape().stream().mapToInt(Integer::intValue).toArray()));
        assertThat(inView.parameterCount()).isEqualTo(in3d.parameterCount());
        for (int i = 0; i < 3; i++) {
            assertThat(inView.fit(view.toView(windows))).isEqualTo(in3d.fit(window.toView(windows)));
        }
        INDArray predicted = view.fromView(inView.reconstruct(view.toView(windows)));
        assertThat(bits(predicted)).isEqualTo(bits(window.fromView(in3d.reconstruct(window.toView(windows)))));
        assertThat(bits(predicted)).isNotEqualTo(bits(windows));
    }

    @Test
    void loadingRefusesAMismatchedInputShapeNamingBoth() {
        byte[] bytes = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 8, 16, 16)).toBytes();
        assertThatThrownBy(() -> Autoencoder.fromBytes(bytes, List.of(1, 16, 16, 16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model input shape [1, 8, 16, 16]")
                .hasMessageContaining("expected input shape [1, 16, 16, 16]");
    }

    @Test
    void loadingRefusesForeignBytesAndNewerVersions() {
        assertThatThrownBy(() -> Autoencoder.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .hasMessageContaining("not a vad model");
        byte[] bytes = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 8)).toBytes();
        ByteBuffer.wrap(bytes).putInt(4, 99);
        assertThatThrownBy(() -> Autoencoder.fromBytes(bytes))
                .hasMessageContaining("unknown model format version 99, this build reads up to 2");
        byte[] truncated = Arrays.copyOf(Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 8)).toBytes(), 40);
        assertThatThrownBy(() -> Autoencoder.fromBytes(truncated)).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void version1FilesLoadUpToFourAxesAndAreRefusedForTheEarlier5dAnd6dDesign() {
        Autoencoder fourD = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 2, 2, 4, 4));
        byte[] fourBytes = fourD.toBytes();
        ByteBuffer.wrap(fourBytes).putInt(4, 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 2, 2, 4, 4);
        assertThat(Autoencoder.fromBytes(fourBytes).reconstruct(x)).isEqualTo(fourD.reconstruct(x));

        byte[] fiveBytes = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 2, 2, 2, 4, 4)).toBytes();
        ByteBuffer.wrap(fiveBytes).putInt(4, 1);
        assertThatThrownBy(() -> Autoencoder.fromBytes(fiveBytes))
                .hasMessage("model format version 1 holds a 5D compact network of an earlier design (every axis"
                        + " halved by every convolution); this build computes 5D networks differently: train the"
                        + " model again");
    }

    @Test
    void sameSeedGivesTheSameModelAndTraining() {
        ModelSpec spec = ModelSpec.of(Preset.DENSE, 1, 21, 8, 8);
        Autoencoder a = Autoencoder.create(spec);
        Autoencoder b = Autoencoder.create(spec);
        INDArray batch = SyntheticScenes.frames(3, 4, 8, 8);
        assertThat(a.fit(batch)).isEqualTo(b.fit(batch));
        assertThat(a.toBytes()).isEqualTo(b.toBytes());
        assertThat(Autoencoder.create(ModelSpec.of(Preset.DENSE, 1, 22, 8, 8)).toBytes())
                .isNotEqualTo(a.toBytes());
    }

    @Test
    void batchesOfTheWrongShapeAreRefused() {
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.COMPACT, 1, 5, 8, 8));
        assertThatThrownBy(() -> model.reconstruct(SyntheticScenes.frames(1, 2, 8, 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a batch of shape [batch, 1, 8, 8], found [2, 1, 8, 9]");
    }

    @Test
    void trainingLowersTheLossOfTheTrainedBatch() {
        Autoencoder model = Autoencoder.create(ModelSpec.of(Preset.DEEP, 1, 5, 16, 16).withLearningRate(3e-3));
        INDArray batch = SyntheticScenes.frames(4, 16, 16, 16);
        double first = model.fit(batch);
        double last = first;
        for (int i = 0; i < 30; i++) {
            last = model.fit(batch);
        }
        assertThat(last).isLessThan(first * 0.5);
        assertThat(model.loss(batch)).isLessThan(first);
    }

    private static byte[] bits(INDArray array) {
        return array.data().asBytes();
    }
}
