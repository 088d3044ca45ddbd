package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The multiply-adds counted from a network's layers against counts made by hand (issue 25). */
class MultiplyAddsTest {

    @Test
    void compact2dCountsEachConvolutionAndTransposedConvolution() {
        // 8x8, 1 channel; kernel 3 (9 taps), stride 2: 8 -> 4 -> 2 -> 1 and back
        long down = 4 * 4 * 8 * 9 * 1      // conv 1 -> 8: output positions x out channels x taps x in channels
                + 2 * 2 * 4 * 9 * 8          // conv 8 -> 4
                + 1 * 4 * 9 * 4;             // conv 4 -> 4
        long up = 1 * 4 * 9 * 4              // transposed 4 -> 4: input positions x in channels x taps x out
                + 2 * 2 * 4 * 9 * 8          // transposed 4 -> 8
                + 4 * 4 * 8 * 9 * 1;         // transposed 8 -> 1

        assertThat(multiplyAdds(Preset.COMPACT, 8, 8)).isEqualTo(down + up).isEqualTo(4_896);
    }

    @Test
    void futureCountsItsUnetOncePerPredictedFrame() {
        // window of 6 frames of 4x4: frames 4 and 5 are predicted, each by one pass of the 2D U-Net on 4 stacked frames
        long stage1 = 16 * 16 * 9 * 4 + 16 * 16 * 9 * 16;     // 4x4: 4 -> 16 -> 16
        long stage2 = 4 * 32 * 9 * 16 + 4 * 32 * 9 * 32;      // 2x2: 16 -> 32 -> 32
        long stage3 = 1 * 64 * 9 * 32 + 1 * 64 * 9 * 64;      // 1x1: 32 -> 64 -> 64
        long up2 = 1 * 64 * 9 * 32 + 4 * 32 * 9 * 64 + 4 * 32 * 9 * 32;   // transposed 64 -> 32, 64 -> 32 -> 32
        long up1 = 4 * 32 * 9 * 16 + 16 * 16 * 9 * 32 + 16 * 16 * 9 * 16; // transposed 32 -> 16, 32 -> 16 -> 16
        long out = 16 * 1 * 1 * 16;                            // 1x1 convolution 16 -> 1
        long perFrame = stage1 + stage2 + stage3 + up2 + up1 + out;

        assertThat(perFrame).isEqualTo(414_976);
        assertThat(multiplyAdds(Preset.FUTURE, 6, 4, 4)).isEqualTo(2 * perFrame);
    }

    @Test
    void denseCountsInputsTimesUnits() {
        // 4x4 flattened: 16 -> 512 -> 256 -> 128 -> 32 -> 128 -> 256 -> 512 -> 16
        Autoencoder dense = Autoencoder.create(ModelSpec.of(Preset.DENSE, 1, 1, 4, 4));
        long expected = 16 * 512 + 512 * 256 + 256 * 128 + 128 * 32 + 32 * 128 + 128 * 256 + 256 * 512 + 512 * 16;

        assertThat(dense.multiplyAddsPerExample()).isEqualTo(expected);
    }

    private static long multiplyAdds(Preset preset, int... shape) {
        return Autoencoder.create(ModelSpec.of(preset, 1, 1, shape)).multiplyAddsPerExample();
    }
}
