package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Normalisation;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class WindowTensorTest {

    /** 2 frames of 3x2 RGB: pixel value = 100*frame + 10*pixel + channel. */
    private static FrameWindow rgbWindow(long sequence) {
        byte[] pixels = new byte[2 * 6 * 3];
        for (int f = 0; f < 2; f++) {
            for (int p = 0; p < 6; p++) {
                for (int c = 0; c < 3; c++) {
                    pixels[(f * 6 + p) * 3 + c] = (byte) (100 * f + 10 * p + c);
                }
            }
        }
        return new FrameWindow("s", sequence, new long[] {0, 1}, new long[] {0, 40_000}, TimestampKind.STREAM_TIME, 0,
                false, 3, 2, PixelFormat.RGB24, pixels);
    }

    @Test
    void windowsBecomeChannelsFirstBatchesScaledToUnitRange() {
        INDArray batch = WindowTensor.batch(List.of(rgbWindow(0), rgbWindow(1)), Normalisation.unitRange());

        assertThat(batch.shape()).containsExactly(2, 3, 2, 2, 3);
        // frame 1, pixel 4 (row 1, column 1), channel 2
        assertThat(batch.getFloat(1, 2, 1, 1, 1)).isEqualTo((100 + 40 + 2) / 255f);
        assertThat(batch.getFloat(0, 0, 0, 0, 0)).isZero();
    }

    @Test
    void pixelsComeBackExactlyThroughTheBatch() {
        FrameWindow window = rgbWindow(0);
        INDArray batch = WindowTensor.batch(List.of(window), Normalisation.unitRange());

        assertThat(WindowTensor.pixels(batch, 0, Normalisation.unitRange())).isEqualTo(window.pixels());
    }

    @Test
    void perChannelNormalisationIsAppliedAndUndone() {
        Normalisation n = new Normalisation(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.25, 2});
        FrameWindow window = rgbWindow(0);
        INDArray batch = WindowTensor.batch(List.of(window), n);

        assertThat(batch.getFloat(0, 1, 0, 0, 0)).isCloseTo((float) ((1 / 255.0 - 0.2) / 0.25),
                org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(WindowTensor.pixels(batch, 0, n)).isEqualTo(window.pixels());
    }

    @Test
    void theErrorMapIsTheSquaredErrorPerPixelAveragedOverChannels() {
        INDArray input = WindowTensor.batch(List.of(rgbWindow(0)), Normalisation.unitRange());
        INDArray reconstruction = input.dup();
        reconstruction.putScalar(new long[] {0, 0, 1, 0, 2}, reconstruction.getFloat(0, 0, 1, 0, 2) + 0.3f);

        float[] errors = WindowTensor.errorMap(input, reconstruction, 0);

        assertThat(errors).hasSize(12);
        assertThat(errors[6 + 2]).isCloseTo(0.09f / 3, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(errors[0]).isZero();
    }

    @Test
    void windowsOfDifferentShapesCannotShareABatch() {
        FrameWindow grey = new FrameWindow("s", 0, new long[] {0, 1}, new long[] {0, 1}, TimestampKind.STREAM_TIME, 0,
                false, 3, 2, PixelFormat.GRAY8, new byte[12]);

        assertThatThrownBy(() -> WindowTensor.batch(List.of(rgbWindow(0), grey), Normalisation.unitRange()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch needs windows of one shape: 2 frames of 3x2 RGB24 and 2 frames of 3x2 GRAY8");
    }
}
