package dev.vad.model.fit;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Normalisation;
import dev.vad.common.wire.ScoreStatistics;
import dev.vad.model.Autoencoder;
import dev.vad.model.ModelSpec;
import dev.vad.model.WindowView;
import dev.vad.model.score.FrameErrors;
import dev.vad.model.score.ScoreSummaries;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Fits a {@link WindowModel} to training windows with seeded random batches, then measures it on held-out
 * validation windows: loss, and the statistics of per-frame scores a scorer calibrates with.
 */
public final class ModelFitter {

    private static final int VALIDATION_BATCH = 16;

    private ModelFitter() {
    }

    /** A new model shaped for windows like {@code example}. */
    public static WindowModel create(FrameWindow example, FitSettings settings) {
        WindowView view = WindowView.natural(settings.dimensions(), example.frameCount(), example.height(),
                example.width());
        int[] shape = view.spatialShape().stream().mapToInt(Integer::intValue).toArray();
        ModelSpec spec = ModelSpec.of(settings.preset(), example.channels(), settings.seed(), shape)
                .withLearningRate(settings.learningRate());
        return new WindowModel(Autoencoder.create(spec), view, Normalisation.unitRange(), settings.patch());
    }

    /**
     * Trains {@code settings.steps()} steps on batches drawn from {@code training}, then validates.
     *
     * @param progress told after every step (step, loss)
     */
    public static Fitted fit(WindowModel model, List<FrameWindow> training, List<FrameWindow> validation,
                             FitSettings settings, StepListener progress) {
        if (training.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("fitting needs training and validation windows, found "
                    + training.size() + " and " + validation.size());
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        double loss = Double.NaN;
        for (int step = 1; step <= settings.steps(); step++) {
            List<FrameWindow> batch = new ArrayList<>(settings.batchWindows());
            for (int i = 0; i < settings.batchWindows(); i++) {
                batch.add(training.get(random.nextInt(training.size())));
            }
            loss = model.fit(batch);
            progress.stepDone(step, loss);
        }
        return validate(model, validation, loss, settings.steps());
    }

    /** Loss and per-frame score statistics of a model on validation windows. */
    public static Fitted validate(WindowModel model, List<FrameWindow> validation, double trainingLoss, int steps) {
        List<Double> means = new ArrayList<>();
        List<Double> patches = new ArrayList<>();
        double lossSum = 0;
        int perCall = Math.min(VALIDATION_BATCH, model.maxWindowsPerCall());
        for (int from = 0; from < validation.size(); from += perCall) {
            List<FrameWindow> chunk = validation.subList(from, Math.min(validation.size(), from + perCall));
            try (WindowModel.Reconstructed r = model.reconstruct(chunk)) {
                lossSum += r.loss() * chunk.size();
                for (int i = 0; i < chunk.size(); i++) {
                    for (FrameErrors.FrameError e : r.frameErrors(i)) {
                        means.add(e.mean());
                        patches.add(e.worstPatch());
                    }
                }
            }
        }
        TreeMap<String, ScoreStatistics> calibration = new TreeMap<>();
        calibration.put(WindowModel.FRAME_MEAN, ScoreSummaries.of(toArray(means)));
        calibration.put(WindowModel.FRAME_PATCH, ScoreSummaries.of(toArray(patches)));
        return new Fitted(model, trainingLoss, lossSum / validation.size(), steps, calibration);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Told after every training step. */
    @FunctionalInterface
    public interface StepListener {
        void stepDone(int step, double loss);
    }

    /**
     * A fitted model and how it did.
     *
     * @param model          the model
     * @param trainingLoss   loss of the last training batch
     * @param validationLoss mean squared error on the validation windows
     * @param steps          training steps taken
     * @param calibration    statistics of validation frame scores, by score kind
     */
    public record Fitted(WindowModel model, double trainingLoss, double validationLoss, int steps,
                         TreeMap<String, ScoreStatistics> calibration) {
    }
}
