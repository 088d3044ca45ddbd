package dev.vad.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    /** Windows of a bright bar on a dark background, drifting with the sequence, plus noise. */
    static List<FrameWindow> windows(int count) {
        SplittableRandom random = new SplittableRandom(3);
        List<FrameWindow> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] pixels = new byte[4 * 16 * 16];
            for (int i = 0; i < pixels.length; i++) {
                int x = i % 16;
                pixels[i] = (byte) ((Math.abs(x - (n % 12)) < 2 ? 200 : 40) + random.nextInt(10));
            }
            long[] frames = {4L * n, 4L * n + 1, 4L * n + 2, 4L * n + 3};
            out.add(new FrameWindow("s", n, frames, frames.clone(), TimestampKind.STREAM_TIME, 0, false, 16, 16,
                    PixelFormat.GRAY8, pixels));
        }
        return out;
    }

    static TrainingSession session(List<FrameWindow> windows, double learningRate, int patience) {
        FitSettings fit = new FitSettings(Preset.COMPACT, 2, 4, 0, learningRate, 5, 4);
        return new TrainingSession(ModelFitter.create(windows.get(0), fit), new TrainingSettings(fit, 16, 4, 8,
                patience));
    }

    @Test
    void windowsGoToValidationAsTheSplitSaysAndBothSamplesAreBounded() {
        List<FrameWindow> windows = windows(100);
        TrainingSession session = session(windows, 3e-3, 5);
        ValidationSplit split = new ValidationSplit(4);
        assertThat(session.ready()).isFalse();

        long held = windows.stream().filter(session::accept).count();

        assertThat(held).isEqualTo(windows.stream().filter(w -> split.isValidation(w.streamId(), w.sequence())).count())
                .isBetween(10L, 40L);
        assertThat(session.trainingWindows()).isEqualTo(16);
        assertThat(session.validationWindows()).isEqualTo(8);
        assertThat(session.bufferFill()).isEqualTo(1.0);
        assertThat(session.ready()).isTrue();
    }

    @Test
    void learningImprovesValidationAndIsReproducible() {
        List<FrameWindow> windows = windows(60);
        double[] finals = new double[2];
        for (int run = 0; run < 2; run++) {
            TrainingSession session = session(windows, 1e-2, 5);
            windows.forEach(session::accept);
            TrainingSession.Evaluation first = session.evaluate();
            for (int i = 0; i < 40; i++) {
                session.step();
            }
            TrainingSession.Evaluation later = session.evaluate();
            assertThat(first.improved()).as("the first validation is the best so far").isTrue();
            assertThat(later.fitted().validationLoss()).isLessThan(first.fitted().validationLoss() * 0.8);
            assertThat(later.improved()).isTrue();
            assertThat(session.steps()).isEqualTo(40);
            assertThat(session.samples()).isEqualTo(160);
            finals[run] = later.fitted().validationLoss();
        }
        assertThat(finals[1]).as("same windows, same order, same seed").isEqualTo(finals[0]);
    }

    @Test
    void aStalledValidationHalvesTheLearningRateUntilConverged() {
        List<FrameWindow> windows = windows(60);
        TrainingSession session = session(windows, 1e-7, 1);
        windows.forEach(session::accept);
        session.evaluate();
        for (int stall = 1; stall <= TrainingSession.MAX_REDUCTIONS; stall++) {
            assertThat(session.converged()).isFalse();
            session.step();
            assertThat(session.evaluate().improved()).isFalse();
            assertThat(session.learningRate()).isEqualTo(1e-7 / (1 << stall), org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(session.converged()).isTrue();
    }
}
