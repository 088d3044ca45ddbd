package dev.vad.core.train;

import dev.vad.model.fit.ModelFitter;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A fit of a fixed number of steps on what a {@link TrainingSession} holds, validated every so often, keeping the
 * network of the best validation: what fit-then-freeze and replay publish, and what {@code vad eval} scores with.
 * Pure: the same session state gives the same result.
 */
public final class FiniteFit {

    /** Told of each step and each validation. */
    public interface Listener {
        void stepped(double loss);

        void validated(TrainingSession.Evaluation evaluation);
    }

    /** The network of the best validation, serialised, and its figures and calibration. */
    public record Best(byte[] network, ModelFitter.Fitted fitted) {
    }

    private FiniteFit() {
    }

    /**
     * Steps until {@code steps} or until the learning-rate schedule has converged, validating every
     * {@code validateEvery} steps and after the last.
     *
     * @return the best validated state, or empty when {@code stopping} said to stop first
     * @throws IllegalStateException when no validation loss was finite (the fit diverged)
     */
    public static Optional<Best> run(TrainingSession session, int steps, int validateEvery, BooleanSupplier stopping,
                                     Listener listener) {
        int every = Math.min(validateEvery, steps);
        Best best = null;
        double last = Double.NaN;
        while (session.steps() < steps && !session.converged()) {
            if (stopping.getAsBoolean()) {
                return Optional.empty();
            }
            listener.stepped(session.step());
            if (session.steps() % every == 0 || session.steps() == steps) {
                TrainingSession.Evaluation evaluation = session.evaluate();
                listener.validated(evaluation);
                last = evaluation.fitted().validationLoss();
                if (evaluation.improved()) {
                    best = new Best(session.model().network().toBytes(), evaluation.fitted());
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("the fit diverged: no finite validation loss in " + session.steps()
                    + " steps (last " + last + ")");
        }
        return Optional.of(best);
    }
}
