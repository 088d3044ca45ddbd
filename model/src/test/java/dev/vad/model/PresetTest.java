package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Parameter counts against the references, and every preset giving back its input shape. */
class PresetTest {

    @ParameterizedTest(name = "compact {0}D, {1} channel(s): {2} parameters")
    @CsvSource({
        "1, 1, 365", "2, 1, 1037", "3, 1, 3053",
        // true N-D, one bias per layer: 112 * 3^N + 29 (the study's nested design has 9,159 / 27,477 / 82,431)
        "4, 1, 9101", "5, 1, 27245", "6, 1, 81677",
        // RGB: 144 * 3^N + 31
        "1, 3, 463", "2, 3, 1327", "3, 3, 3919"})
    void compactParameterCountsMatchTheReference(int dimensions, int channels, long expected) {
        int[] shape = new int[dimensions];
        java.util.Arrays.fill(shape, 8);
        assertThat(Autoencoder.create(ModelSpec.of(Preset.COMPACT, channels, 1, shape)).parameterCount())
                .isEqualTo(expected);
    }

    @Test
    void compact32HasCompactsLayersWithItsChannels() {
        // 32, 32, 16 down; 16, 32, 1 up; kernel 3 on every axis, one bias per output channel
        assertThat(count(Preset.COMPACT32, 8, 8)).isEqualTo(9L * (32 + 32 * 32 + 32 * 16 + 16 * 16 + 16 * 32 + 32)
                + (32 + 32 + 16 + 16 + 32 + 1)).isEqualTo(21_441);
        assertThat(count(Preset.COMPACT32, 8, 8, 8)).isEqualTo(64_065);
    }

    @Test
    void simpleDeepAndDenseParameterCountsMatchTheirLayers() {
        assertThat(count(Preset.SIMPLE, 28, 28)).isEqualTo((9 * 16 + 16) + (4 * 16 + 1));
        assertThat(count(Preset.SIMPLE, 8, 28, 28)).isEqualTo((27 * 16 + 16) + (8 * 16 + 1));
        // conv 160 + bn 32, conv 4,640 + bn 64, conv 18,496 + bn 128, tconv 36,928 + bn 128,
        // tconv 18,464 + bn 64, tconv 4,624 + bn 32, conv 145
        assertThat(count(Preset.DEEP, 28, 28)).isEqualTo(83_905);
        // 784-512-256-128-32 and back, with 2 x units of batch norm on each hidden layer
        assertThat(count(Preset.DENSE, 28, 28)).isEqualTo(1_144_880);
    }

    @Test
    void wideMatchesTheKerasTableFor128x128Rgb() {
        Autoencoder wide = Autoencoder.create(ModelSpec.of(Preset.WIDE, 3, 1, 128, 128));
        assertThat(wide.parameterCount(NetworkPart.ENCODER)).isEqualTo(2_093_888);
        assertThat(wide.parameterCount(NetworkPart.DECODER)).isEqualTo(1_587_011);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(Preset.COMPACT, 1, new int[] {37}),
                Arguments.of(Preset.COMPACT, 3, new int[] {13, 10}),
                Arguments.of(Preset.COMPACT, 1, new int[] {5, 9, 12}),
                Arguments.of(Preset.COMPACT, 1, new int[] {4, 4, 12, 10}),
                Arguments.of(Preset.COMPACT, 1, new int[] {3, 4, 3, 5, 6}),
                Arguments.of(Preset.COMPACT, 2, new int[] {2, 3, 2, 5, 3, 4}),
                Arguments.of(Preset.SIMPLE, 1, new int[] {15}),
                Arguments.of(Preset.SIMPLE, 3, new int[] {11, 8}),
                Arguments.of(Preset.SIMPLE, 1, new int[] {4, 7, 6}),
                Arguments.of(Preset.SIMPLE, 1, new int[] {1, 5}),
                Arguments.of(Preset.SIMPLE, 1, new int[] {2, 3, 4, 5}),
                Arguments.of(Preset.SIMPLE, 2, new int[] {1, 3, 2, 4, 3}),
                Arguments.of(Preset.SIMPLE, 1, new int[] {2, 1, 2, 3, 2, 2}),
                Arguments.of(Preset.DEEP, 1, new int[] {30}),
                Arguments.of(Preset.DEEP, 1, new int[] {28, 28}),
                Arguments.of(Preset.DEEP, 3, new int[] {15, 20}),
                Arguments.of(Preset.DEEP, 1, new int[] {8, 13, 10}),
                Arguments.of(Preset.DEEP, 1, new int[] {28, 5}),
                Arguments.of(Preset.DEEP, 1, new int[] {2, 4, 6, 5}),
                Arguments.of(Preset.DEEP, 1, new int[] {3, 2, 4, 1, 5}),
                Arguments.of(Preset.DEEP, 1, new int[] {2, 2, 3, 2, 2, 3}),
                Arguments.of(Preset.DENSE, 1, new int[] {12, 10}),
                Arguments.of(Preset.DENSE, 1, new int[] {2, 2, 3, 4}),
                Arguments.of(Preset.DENSE, 1, new int[] {2, 2, 1, 3, 2}),
                Arguments.of(Preset.DENSE, 1, new int[] {1, 2, 2, 2, 2, 3}),
                Arguments.of(Preset.WIDE, 1, new int[] {32}),
                Arguments.of(Preset.WIDE, 3, new int[] {16, 32}),
                Arguments.of(Preset.WIDE, 1, new int[] {16, 16, 16}),
                Arguments.of(Preset.WIDE, 1, new int[] {20, 16}),
                Arguments.of(Preset.WIDE, 1, new int[] {2, 1, 16, 16}));
    }

    @ParameterizedTest(name = "{0} {1}ch {2}")
    @MethodSource("shapes")
    void everyPresetGivesBackItsInputShape(Preset preset, int channels, int[] spatial) {
        Autoencoder model = Autoencoder.create(ModelSpec.of(preset, channels, 3, spatial));
        long[] shape = new long[spatial.length + 2];
        shape[0] = 2;
        shape[1] = channels;
        for (int i = 0; i < spatial.length; i++) {
            shape[i + 2] = spatial[i];
        }
        INDArray batch = SeededArrays.uniform(5, DataType.FLOAT, shape).addi(1).divi(2);
        assertThat(model.reconstruct(batch).shape()).containsExactly(shape);
        assertThat(model.fit(batch)).isFinite().isPositive();
    }

    @Test
    void specsThatCannotWorkAreRefusedWithEveryReason() {
        assertThatThrownBy(() -> ModelSpec.of(Preset.FUTURE, 0, 1, 2, 2, 16, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels must be at least 1, found 0")
                .hasMessageContaining("a window of more than 4 frames, found [2, 2, 16, 16]");
        assertThatThrownBy(() -> ModelSpec.of(Preset.DEEP, 1, 1, 2, 2, 2, 2, 2, 2, 2))
                .hasMessageContaining("spatial shape must have 1-6 axes, found [2, 2, 2, 2, 2, 2, 2]");
    }

    @Test
    void wideConvolvesEachBlockOfA5dOr6dViewOnItsOwn() {
        // (T, Hb, Hp, Wb, Wp) with one block per axis: the same kernels and latent as 3D over the same pixels
        assertThat(Autoencoder.create(ModelSpec.of(Preset.WIDE, 1, 1, 4, 1, 16, 1, 16)).parameterCount())
                .isEqualTo(Autoencoder.create(ModelSpec.of(Preset.WIDE, 1, 1, 4, 16, 16)).parameterCount());
        assertThat(Autoencoder.create(ModelSpec.of(Preset.WIDE, 1, 1, 2, 2, 1, 16, 1, 16)).parameterCount())
                .isEqualTo(Autoencoder.create(ModelSpec.of(Preset.WIDE, 1, 1, 2, 2, 16, 16)).parameterCount());
    }

    @Test
    void poolingPresetsKeepShortAxesWholeAndScaleTheOthers() {
        // deep: the 5-long axis is pooled 5 -> 2 -> 1 and kept at 1; the 1-long axis is never pooled
        assertThat(count(Preset.DEEP, 1, 5)).isEqualTo(count(Preset.DEEP, 1, 28));
        // wide: only axes that are a multiple of 16 go to L/8; the 20-long one keeps its length in the latent
        Autoencoder wide = Autoencoder.create(ModelSpec.of(Preset.WIDE, 1, 1, 20, 16));
        long convolutions = 9L * (32 + 32 * 64 + 64 * 128 + 128 * 256 + 256 * 512) + (32 + 64 + 128 + 256 + 512);
        long latent = 4L * 20 * 2;
        assertThat(wide.parameterCount(NetworkPart.ENCODER)).isEqualTo(convolutions + 512 * latent + latent);
    }

    private static long count(Preset preset, int... shape) {
        return Autoencoder.create(ModelSpec.of(preset, 1, 1, shape)).parameterCount();
    }
}
