package dev.vad.eval;

import dev.vad.common.config.ConfigReader;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.WindowModel;
import dev.vad.scorer.calibration.CalibrationSettings;
import dev.vad.scorer.calibration.ScoreScale;
import dev.vad.trainer.TrainingSession;
import dev.vad.trainer.ValidationSplit;
import java.util.Locale;
import java.util.Map;

/**
 * How an evaluation is run. Training follows the trainer's replay: one window in {@link #VALIDATION_ONE_IN} held out
 * by stream and sequence, validation every {@code validateEvery} steps, the learning rate halved after
 * {@link #PATIENCE} validations without improvement, the best validated network kept.
 *
 * @param fit           how the model is fitted (kind, preset, steps, batch, learning rate, seed, patch)
 * @param width         frame width the clips are scaled to
 * @param height        frame height
 * @param windowFrames  frames per window
 * @param trainStride   frames between training windows (overlapping windows give more of them)
 * @param validateEvery steps between validations
 * @param trainingClips training clips used at most
 * @param testClips     test clips scored at most
 * @param smoothingFrames the scorer's smoothing: each frame's calibrated score averaged over the clip's last this
 *                      many scored frames (1: none)
 * @param scoreScale    the scale on which the scorer calibrates errors
 * @param validation    the training clips held out of training and scored with pseudo-anomalies instead
 */
public record EvalSettings(FitSettings fit, int width, int height, int windowFrames, int trainStride,
                           int validateEvery, int trainingClips, int testClips, int smoothingFrames,
                           ScoreScale scoreScale, ValidationClips validation) {

    /**
     * The model that reached the detection goal on UCSD Ped2 within the training budget (see docs/commands/eval.md):
     * future-frame prediction, 2 windows (8 predicted frames) a step, 1,600 steps, 12 x 12 patches at the default
     * 144 x 96.
     */
    static final FitSettings.Defaults DEFAULTS = new FitSettings.Defaults(Preset.FUTURE, 2, 1600, 1e-3, 12);
    static final int VALIDATION_ONE_IN = 10;
    static final int PATIENCE = 5;
    /** Large enough to hold every window of a dataset, so no window is left out of training. */
    static final int BUFFER_WINDOWS = 1_000_000;
    static final int VALIDATION_WINDOWS = 100_000;

    /** Reads every setting, recording each problem in {@code config} (call {@link ConfigReader#validate()}). */
    public static EvalSettings load(ConfigReader config) {
        FitSettings fit = FitSettings.load(config, DEFAULTS);
        int context = fit.preset().contextFrames();
        int windowFrames = config.integer("window-frames", 8, 1, 256);
        if (windowFrames <= context) {
            config.problem("window-frames", config.found("window-frames"), "more than " + context
                    + " for preset " + fit.preset().id() + " (it predicts each frame from the " + context
                    + " before it)");
        }
        return new EvalSettings(fit, config.integer("width", 144, 8, 1024),
                config.integer("height", 96, 8, 1024), windowFrames,
                config.integer("train-stride", 2, 1, 256), config.integer("validate-every", 100, 1, 1_000_000),
                config.integer("train-clips", 1_000, 1, 1_000_000), config.integer("test-clips", 1_000, 1, 1_000_000),
                config.integer("smoothing-frames", 1, 1, 10_000),
                config.choice("score-scale", ScoreScale.class, CalibrationSettings.DEFAULT.scale()),
                ValidationClips.load(config));
    }

    /** The scorer's settings this evaluation changes: its smoothing and its calibration scale. */
    Map<String, String> scorerFlags() {
        return Map.of("smoothing-frames", Integer.toString(smoothingFrames), "score-scale",
                scoreScale.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Frames between test windows: a window's length for an autoencoder; for a predicting model its predicted
     * frames, so that every frame after a clip's first context frames is predicted once.
     */
    int scoreStride() {
        return windowFrames - fit.preset().contextFrames();
    }

    /** A training session for {@code model} with the trainer's replay settings. */
    TrainingSession session(WindowModel model) {
        return new TrainingSession(model, fit, new ValidationSplit(VALIDATION_ONE_IN), BUFFER_WINDOWS,
                VALIDATION_WINDOWS, PATIENCE);
    }
}
