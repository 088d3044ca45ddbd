package dev.vad.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.model.Autoencoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FiniteFitTest {

    @Test
    void keepsTheNetworkOfTheBestValidationAndValidatesOnSchedule() {
        List<FrameWindow> windows = TrainingSessionTest.windows(60);
        TrainingSession session = TrainingSessionTest.session(windows, 1e-2, 5);
        windows.forEach(session::accept);
        List<Integer> validatedAt = new ArrayList<>();
        List<Double> losses = new ArrayList<>();

        Optional<FiniteFit.Best> best = FiniteFit.run(session, 45, 10, () -> false, new FiniteFit.Listener() {
            @Override
            public void stepped(double loss) {
                losses.add(loss);
            }

            @Override
            public void validated(TrainingSession.Evaluation evaluation) {
                validatedAt.add(session.steps());
            }
        });

        assertThat(losses).hasSize(45);
        assertThat(validatedAt).as("every 10 steps and after the last").containsExactly(10, 20, 30, 40, 45);
        assertThat(best).isPresent();
        double bestLoss = best.get().fitted().validationLoss();
        Autoencoder restored = Autoencoder.fromBytes(best.get().network());
        assertThat(restored.parameterCount()).isEqualTo(session.model().network().parameterCount());
        assertThat(bestLoss).as("the best is no worse than the last validation")
                .isLessThanOrEqualTo(session.evaluate().fitted().validationLoss() * 1.0001);
    }

    @Test
    void stopsBeforeTheFirstStepWhenAskedAndPublishesNothing() {
        List<FrameWindow> windows = TrainingSessionTest.windows(20);
        TrainingSession session = TrainingSessionTest.session(windows, 1e-2, 5);
        windows.forEach(session::accept);

        Optional<FiniteFit.Best> best = FiniteFit.run(session, 45, 10, () -> true, new FiniteFit.Listener() {
            @Override
            public void stepped(double loss) {
            }

            @Override
            public void validated(TrainingSession.Evaluation evaluation) {
            }
        });

        assertThat(best).isEmpty();
        assertThat(session.steps()).isZero();
    }
}
