package dev.vad.core.score;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.calibration.ScoreScale;
import dev.vad.core.events.EpisodeSettings;

/**
 * How windows are scored and judged, read from the configuration: calibration, episode hysteresis, the
 * scene-change guard, batches, streams tracked and reconstructions handed back ({@code score} and
 * {@code replay --rescore} take these). Defaults are those of {@link ScoringSettings#DEFAULT}.
 */
public final class ScoringConfig {

    private static final ScoringSettings DEFAULT = ScoringSettings.DEFAULT;
    private static final CalibrationSettings CALIBRATION = DEFAULT.calibration();
    private static final EpisodeSettings EPISODES = DEFAULT.episodes();

    public static final Setting<Double> THRESHOLD = Setting.decimal("threshold", "Z", EPISODES.highMark(), 0.1, 1000,
            "Calibrated score at which a frame is anomalous and an episode may open");
    public static final Setting<Double> LOW_MARK = Setting.decimal("low-mark", "Z", EPISODES.lowMark(), 0, 1000,
            "Calibrated score below which an open episode counts towards closing; at most --threshold")
            .defaultText("threshold/2");
    public static final Setting<Integer> ENTER_FRAMES = Setting.integer("enter-frames", EPISODES.enterFrames(), 1,
            10_000, "Frames in a row at or above the threshold that open an episode");
    public static final Setting<Integer> EXIT_FRAMES = Setting.integer("exit-frames", EPISODES.exitFrames(), 1,
            100_000, "Frames in a row below the low mark that close it");
    public static final Setting<Integer> UPDATE_EVERY = Setting.integer("update-every", EPISODES.updateEvery(), 1,
            1_000_000, "Frames between update records of an open episode");
    public static final Setting<Integer> HISTORY_FRAMES = Setting.integer("history-frames",
            CALIBRATION.historyFrames(), 10, 10_000_000, "Recent normal frame scores per stream in the causal"
                    + " baseline");
    public static final Setting<Integer> MIN_HISTORY = Setting.integer("min-history", CALIBRATION.minHistory(), 1,
            10_000_000, "Frames before a stream's own history replaces the model's validation statistics; at most"
                    + " --history-frames").defaultText(CALIBRATION.minHistory() + ", or --history-frames if fewer");
    public static final Setting<Integer> SMOOTHING_FRAMES = Setting.integer("smoothing-frames",
            CALIBRATION.smoothingFrames(), 1, 10_000, "Publish each frame's calibrated score averaged over the"
                    + " stream's last N scored frames").defaultText(CALIBRATION.smoothingFrames() + ": as calibrated");
    public static final Setting<ScoreScale> SCORE_SCALE = Setting.choice("score-scale", ScoreScale.class,
            CALIBRATION.scale(), "Scale on which errors are calibrated").label("log|linear");
    public static final Setting<Integer> RECONSTRUCTION_EVERY = Setting.integer("reconstruction-every",
            DEFAULT.reconstructionEvery(), 0, 1_000_000, "Publish every N-th window's reconstruction per stream;"
                    + " 0 none, 1 all");
    public static final Setting<Integer> MAX_BATCH_WINDOWS = Setting.integer("max-batch-windows",
            DEFAULT.maxBatchWindows(), 1, 1024, "Windows scored together");
    public static final Setting<Integer> MAX_STREAMS = Setting.integer("max-streams", DEFAULT.maxStreams(), 1,
            1_000_000, "Streams tracked at once; the least recently seen is forgotten");
    public static final Setting<Boolean> SCENE_CHANGE_GUARD = Setting.bool("scene-change-guard",
            DEFAULT.sceneChangeGuard(), "Report sudden frame-wide changes as scene changes, not anomalies");
    public static final Setting<Double> SCENE_CHANGE_SHARE = Setting.decimal("scene-change-share", "FRACTION",
            DEFAULT.sceneChangeShare(), 0.01, 1, "A high frame whose mean error is at least this share of its worst"
                    + " patch's is a scene change");

    /** How windows are scored and judged (score and replay --rescore share these; each has its own --model). */
    public static final SettingGroup SCORING = SettingGroup.of("scoring", THRESHOLD, LOW_MARK, ENTER_FRAMES,
            EXIT_FRAMES, UPDATE_EVERY, HISTORY_FRAMES, MIN_HISTORY, SMOOTHING_FRAMES, SCORE_SCALE,
            RECONSTRUCTION_EVERY, MAX_BATCH_WINDOWS, MAX_STREAMS, SCENE_CHANGE_GUARD, SCENE_CHANGE_SHARE);

    private ScoringConfig() {
    }

    /**
     * Reads the scoring settings; every problem is recorded in {@code config} (call {@link ConfigReader#validate()}).
     * The low mark defaults to half the threshold and may not exceed it; the minimum history may not exceed the
     * history. Error maps of opening windows are not handed back ({@link ScoringSettings#withOpeningErrors}).
     */
    public static ScoringSettings load(ConfigReader config) {
        EpisodeSettings episodes = episodes(config);
        CalibrationSettings calibration = calibration(config, episodes.highMark());
        int reconstructionEvery = RECONSTRUCTION_EVERY.from(config);
        int maxBatchWindows = MAX_BATCH_WINDOWS.from(config);
        int maxStreams = MAX_STREAMS.from(config);
        return new ScoringSettings(calibration, episodes, SCENE_CHANGE_GUARD.from(config),
                SCENE_CHANGE_SHARE.from(config), reconstructionEvery, maxBatchWindows, maxStreams,
                DEFAULT.openingErrors());
    }

    private static EpisodeSettings episodes(ConfigReader config) {
        double threshold = THRESHOLD.from(config);
        double lowMark = LOW_MARK.from(config, threshold / 2);
        if (lowMark > threshold) {
            config.problem(LOW_MARK.key(), config.found(LOW_MARK.key()), "at most --threshold (" + threshold + ")");
            lowMark = threshold;
        }
        return new EpisodeSettings(threshold, ENTER_FRAMES.from(config), lowMark, EXIT_FRAMES.from(config),
                UPDATE_EVERY.from(config));
    }

    private static CalibrationSettings calibration(ConfigReader config, double threshold) {
        int history = HISTORY_FRAMES.from(config);
        int minHistory = MIN_HISTORY.from(config, Math.min(history, MIN_HISTORY.defaultValue()));
        if (minHistory > history) {
            config.problem(MIN_HISTORY.key(), config.found(MIN_HISTORY.key()), "at most --history-frames ("
                    + history + ")");
            minHistory = history;
        }
        return new CalibrationSettings(history, minHistory, CALIBRATION.refreshEvery(), threshold,
                SMOOTHING_FRAMES.from(config), SCORE_SCALE.from(config));
    }
}
