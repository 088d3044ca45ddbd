package dev.vad.model.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.model.Preset;
import dev.vad.model.SyntheticScenes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFitterTest {

    private static final int T = 4;
    private static final int SIDE = 16;

    /** Windows of moving blobs, as a stream would deliver them (bytes). */
    static List<FrameWindow> windows(long seed, int count) {
        INDArray clips = SyntheticScenes.windows(seed, count, T, SIDE, SIDE);
        List<FrameWindow> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] pixels = new byte[T * SIDE * SIDE];
            float[] values = clips.slice(n).dup('c').data().asFloat();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, values[i])) * 255);
            }
            long[] indices = {4L * n, 4L * n + 1, 4L * n + 2, 4L * n + 3};
            out.add(new FrameWindow("s", n, indices, indices.clone(), TimestampKind.STREAM_TIME, 0, false, SIDE, SIDE,
                    PixelFormat.GRAY8, pixels));
        }
        return out;
    }

    /** Mean squared error of predicting every validation pixel by the training windows' mean at that pixel. */
    private static double meanBaseline(WindowModel model, List<FrameWindow> training, List<FrameWindow> validation) {
        return SyntheticScenes.meanBaseline(dev.vad.model.WindowTensor.batch(training, model.normalisation()),
                dev.vad.model.WindowTensor.batch(validation, model.normalisation()));
    }

    @Test
    void aFittedModelReconstructsHeldOutWindowsAndCalibratesBothScoreKinds() {
        List<FrameWindow> training = windows(1, 48);
        List<FrameWindow> validation = windows(2, 12);
        FitSettings settings = new FitSettings(Preset.COMPACT, 2, 8, 200, 1e-2, 11, 4);
        WindowModel model = ModelFitter.create(training.get(0), settings);
        double baseline = meanBaseline(model, training, validation);
        List<Double> losses = new ArrayList<>();

        ModelFitter.Fitted fitted = ModelFitter.fit(model, training, validation, settings,
                (step, loss) -> losses.add(loss));

        assertThat(losses).hasSize(200);
        assertThat(fitted.validationLoss()).as("well below predicting the mean frame").isLessThan(baseline * 0.7);
        assertThat(fitted.calibration()).containsOnlyKeys(WindowModel.FRAME_MEAN, WindowModel.FRAME_PATCH);
        assertThat(fitted.calibration().get(WindowModel.FRAME_MEAN).count()).isEqualTo(12 * T);
        assertThat(fitted.calibration().get(WindowModel.FRAME_PATCH).median())
                .as("the worst patch is worse than the frame mean")
                .isGreaterThan(fitted.calibration().get(WindowModel.FRAME_MEAN).median());
    }

    @Test
    void aTrue4dModelLearnsTheWindowsTooAtAModerateLearningRate() {
        List<FrameWindow> training = windows(1, 48);
        List<FrameWindow> validation = windows(2, 12);
        FitSettings settings = new FitSettings(Preset.COMPACT, 4, 8, 300, 3e-3, 11, 4);
        WindowModel model = ModelFitter.create(training.get(0), settings);
        double baseline = meanBaseline(model, training, validation);

        ModelFitter.Fitted fitted = ModelFitter.fit(model, training, validation, settings, (step, loss) -> { });

        assertThat(model.network().spec().inputShape()).containsExactly(1, 2, 2, SIDE, SIDE);
        assertThat(fitted.validationLoss()).as("well below predicting the mean frame").isLessThan(baseline * 0.7);
    }

    @Test
    void a2dModelSeesEachFrameAndGivesBackWindowShapedReconstructions() {
        List<FrameWindow> data = windows(3, 4);
        WindowModel model = ModelFitter.create(data.get(0), new FitSettings(Preset.COMPACT, 2, 2, 1, 1e-3, 5, 4));

        WindowModel.Reconstructed r = model.reconstruct(data);

        assertThat(model.network().spec().inputShape()).containsExactly(1, SIDE, SIDE);
        assertThat(r.pixels(3)).hasSize(T * SIDE * SIDE);
        assertThat(r.errorMap(0)).hasSize(T * SIDE * SIDE);
        assertThat(r.frameErrors(1)).hasSize(T);
    }

    @Test
    void settingsRefuseDimensionsThePresetCannotBuild() {
        assertThatThrownBy(() -> new FitSettings(Preset.FUTURE, 2, 8, 10, 1e-3, 1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("preset future builds 3 to 6 dimensions, found 2");
    }
}
