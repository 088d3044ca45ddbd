package dev.vad.core.train;

import dev.vad.common.wire.FrameWindow;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import java.util.SplittableRandom;

/**
 * One model learning from a flow of windows: a reservoir of training windows, a held-out validation sample chosen
 * by {@link ValidationSplit}, seeded batches, and a reduce-on-plateau learning-rate schedule driven by validation
 * loss. Pure (no Kafka): the same windows in the same order give the same model.
 */
public final class TrainingSession {

    /** Halvings of the learning rate after which a finite fit counts as converged. */
    static final int MAX_REDUCTIONS = 3;

    private final WindowModel model;
    private final TrainingSettings settings;
    private final FitSettings fit;
    private final ValidationSplit split;
    private final ReplayBuffer<FrameWindow> training;
    private final ReplayBuffer<FrameWindow> validation;
    private final int patience;
    private int steps;
    private long samples;
    private double lastLoss = Double.NaN;
    private double bestValidation = Double.POSITIVE_INFINITY;
    private int stalled;
    private int reductions;

    /**
     * @param model a new model, or one continued from a parent version
     */
    public TrainingSession(WindowModel model, TrainingSettings settings) {
        this.model = model;
        this.settings = settings;
        this.fit = settings.fit();
        this.split = new ValidationSplit(settings.validationOneIn());
        SplittableRandom random = new SplittableRandom(fit.seed());
        this.training = new ReplayBuffer<>(settings.bufferWindows(), random.split());
        this.validation = new ReplayBuffer<>(settings.validationWindows(), random.split());
        this.patience = settings.patience();
    }

    /** Takes a window into the training reservoir or the validation sample; returns true for validation. */
    public boolean accept(FrameWindow window) {
        boolean held = split.isValidation(window.streamId(), window.sequence());
        (held ? validation : training).offer(window);
        return held;
    }

    /** True once there is something to train on and something to validate with. */
    public boolean ready() {
        return training.size() > 0 && validation.size() > 0;
    }

    /** One training step on a batch drawn from the reservoir; returns the batch's loss before the step. */
    public double step() {
        lastLoss = model.fit(training.sample(fit.batchWindows()));
        steps++;
        samples += fit.batchWindows();
        return lastLoss;
    }

    /**
     * Measures the model on the validation sample and advances the schedule: an improvement resets it,
     * {@code patience} validations without one halve the learning rate.
     */
    public Evaluation evaluate() {
        ModelFitter.Fitted fitted = ModelFitter.validate(model, validation.contents(), lastLoss, steps);
        boolean improved = fitted.validationLoss() < bestValidation * (1 - 1e-4);
        if (improved) {
            bestValidation = fitted.validationLoss();
            stalled = 0;
        } else if (++stalled >= patience) {
            stalled = 0;
            reductions++;
            model.network().setLearningRate(model.network().learningRate() / 2);
        }
        return new Evaluation(fitted, improved);
    }

    /** True when validation stopped improving through {@value #MAX_REDUCTIONS} halvings: a finite fit may stop. */
    public boolean converged() {
        return reductions >= MAX_REDUCTIONS;
    }

    public WindowModel model() {
        return model;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public int steps() {
        return steps;
    }

    /** Windows trained on, counting repeats. */
    public long samples() {
        return samples;
    }

    public int trainingWindows() {
        return training.size();
    }

    public int validationWindows() {
        return validation.size();
    }

    /** Fill of the training reservoir, 0 to 1. */
    public double bufferFill() {
        return training.fill();
    }

    public double lastLoss() {
        return lastLoss;
    }

    public double learningRate() {
        return model.network().learningRate();
    }

    /**
     * A validation result.
     *
     * @param fitted   loss and calibration statistics
     * @param improved whether it beat every earlier validation of this session
     */
    public record Evaluation(ModelFitter.Fitted fitted, boolean improved) {
    }
}
