package dev.vad.eval;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.calibration.ScoreScale;
import dev.vad.core.score.ScoringConfig;
import dev.vad.core.score.ScoringSettings;
import dev.vad.core.train.TrainingSettings;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;

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
    public static final Setting<Integer> STEPS = FitSettings.STEPS.withDefault(1600);
    public static final Setting<Integer> BATCH_WINDOWS = FitSettings.BATCH_WINDOWS.withDefault(2);
    public static final Setting<Double> LEARNING_RATE = FitSettings.LEARNING_RATE.withDefault(1e-3);
    public static final Setting<Integer> PATCH = FitSettings.PATCH.withDefault(12);
    static final FitSettings.Defaults DEFAULTS = new FitSettings.Defaults(Preset.FUTURE,
            BATCH_WINDOWS.defaultValue(), STEPS.defaultValue(), LEARNING_RATE.defaultValue(), PATCH.defaultValue());
    static final int VALIDATION_ONE_IN = 10;
    static final int PATIENCE = 5;
    /** Large enough to hold every window of a dataset, so no window is left out of training. */
    static final int BUFFER_WINDOWS = 1_000_000;
    static final int VALIDATION_WINDOWS = 100_000;

    public static final Setting<Integer> WIDTH = Setting.integer("width", 144, 8, 1024,
            "Frame width the clips are scaled to").label("PX");
    public static final Setting<Integer> HEIGHT = Setting.integer("height", 96, 8, 1024, "Frame height")
            .label("PX");
    public static final Setting<Integer> WINDOW_FRAMES = Setting.integer("window-frames", 8, 1, 256,
            "Frames per window; more than the preset's context frames");
    public static final Setting<Integer> TRAIN_STRIDE = Setting.integer("train-stride", 2, 1, 256,
            "Frames between training windows");
    public static final Setting<Integer> VALIDATE_EVERY = Setting.integer("validate-every", 100, 1, 1_000_000,
            "Training steps between validations; the best validated network is scored");
    public static final Setting<Integer> TRAIN_CLIPS = Setting.integer("train-clips", 1_000, 1, 1_000_000,
            "Use at most the first N training clips").defaultText("all");
    public static final Setting<Integer> TEST_CLIPS = Setting.integer("test-clips", 1_000, 1, 1_000_000,
            "Score at most the first N test clips").defaultText("all");

    /** How an evaluation trains and scores (the dataset, its path and the report's directory are the command's). */
    public static final SettingGroup SETTINGS = SettingGroup.of("eval", FitSettings.MODEL, FitSettings.PRESET,
            WIDTH, HEIGHT, WINDOW_FRAMES, TRAIN_STRIDE, STEPS, BATCH_WINDOWS, LEARNING_RATE, PATCH, FitSettings.SEED,
            VALIDATE_EVERY, ScoringConfig.SMOOTHING_FRAMES, ScoringConfig.SCORE_SCALE, TRAIN_CLIPS, TEST_CLIPS, ValidationClips.SETTING);

    /** Reads every setting, recording each problem in {@code config} (call {@link ConfigReader#validate()}). */
    public static EvalSettings load(ConfigReader config) {
        FitSettings fit = FitSettings.load(config, DEFAULTS);
        int context = fit.preset().contextFrames();
        int windowFrames = WINDOW_FRAMES.from(config);
        if (windowFrames <= context) {
            config.problem("window-frames", config.found("window-frames"), "more than " + context
                    + " for preset " + fit.preset().id() + " (it predicts each frame from the " + context
                    + " before it)");
        }
        return new EvalSettings(fit, WIDTH.from(config), HEIGHT.from(config), windowFrames, TRAIN_STRIDE.from(config),
                VALIDATE_EVERY.from(config), TRAIN_CLIPS.from(config), TEST_CLIPS.from(config),
                ScoringConfig.SMOOTHING_FRAMES.from(config), ScoringConfig.SCORE_SCALE.from(config), ValidationClips.load(config));
    }

    /**
     * Frames between test windows: a window's length for an autoencoder; for a predicting model its predicted
     * frames, so that every frame after a clip's first context frames is predicted once.
     */
    public int scoreStride() {
        return windowFrames - fit.preset().contextFrames();
    }

    /** How the model is trained: the fit, and the trainer's replay settings above. */
    public TrainingSettings training() {
        return new TrainingSettings(fit, BUFFER_WINDOWS, VALIDATION_ONE_IN, VALIDATION_WINDOWS, PATIENCE);
    }

    /**
     * How the clips are scored: the live scorer's defaults but this evaluation's smoothing and calibration scale;
     * no reconstruction is handed back (nothing is published).
     */
    public ScoringSettings scoring() {
        CalibrationSettings live = ScoringSettings.DEFAULT.calibration();
        return ScoringSettings.DEFAULT.withCalibration(new CalibrationSettings(live.historyFrames(),
                live.minHistory(), live.refreshEvery(), live.threshold(), smoothingFrames, scoreScale))
                .withoutReconstructions();
    }
}
