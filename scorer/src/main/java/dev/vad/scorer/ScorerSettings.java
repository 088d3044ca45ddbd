package dev.vad.scorer;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.TopicRange;
import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.calibration.ScoreScale;
import dev.vad.core.events.EpisodeSettings;
import dev.vad.core.score.ScoringSettings;
import dev.vad.scorer.evidence.EvidenceSettings;
import dev.vad.scorer.viewer.ViewerSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the scorer needs, validated as a whole.
 *
 * @param modelName           model to load and hot-swap
 * @param modelVersion        a fixed version (re-scoring), or 0 for the newest as it comes
 * @param groupId             consumer group of live scoring
 * @param modelDir            directory searched for artifacts when the topic has none, or null
 * @param scoring             calibration, episodes, scene-change guard, batches, streams tracked, and the
 *                            reconstructions published (every n-th window of a stream; 0 none, 1 all)
 * @param skipWithoutModel    before a first model exists, pass windows over (counted) rather than wait for one
 * @param range               re-scoring: the range of the frames topic, or null for live scoring
 * @param outputSuffix        re-scoring: appended to the output topics' names
 * @param kafka               how to reach Kafka
 * @param topics              topic names
 * @param topicSettings       how missing topics are created
 * @param metrics             where /metrics is served (default port 9403)
 * @param viewer              where the live viewer is served (default port 9404; off when re-scoring)
 * @param evidence            where snapshots and clips of anomaly episodes are stored (off by default and when
 *                            re-scoring)
 */
public record ScorerSettings(String modelName, long modelVersion, String groupId, Path modelDir,
                             ScoringSettings scoring, boolean skipWithoutModel, TopicRange range, String outputSuffix,
                             KafkaSettings kafka, TopicNames topics, TopicSettings topicSettings,
                             MetricsSettings metrics, ViewerSettings viewer, EvidenceSettings evidence) {

    public static final int DEFAULT_METRICS_PORT = 9403;

    /**
     * Loads and validates; every problem is recorded in {@code config} (call {@link ConfigReader#validate()}).
     *
     * @param from re-scoring: range start (then {@code --model NAME@VERSION} names the version), or null
     * @param to   re-scoring: range end, or null for the log end
     */
    public static ScorerSettings load(ConfigReader config, String from, String to, List<String> kafkaProperties,
                                      boolean bootstrapRequired) {
        String model = config.string("model", "conv3d");
        String name = model;
        long version = 0;
        int at = model.indexOf('@');
        if (at >= 0) {
            name = model.substring(0, at);
            try {
                version = Long.parseLong(model.substring(at + 1));
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < 1) {
                config.problem("model", config.found("model"), "NAME or NAME@VERSION with a version >= 1");
            }
        }
        if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
            config.problem("model", config.found("model"), "a model name of 1 to 128 of A-Z a-z 0-9 . _ -");
        }
        TopicRange range = null;
        if (from != null) {
            try {
                range = TopicRange.parse(from, to);
            } catch (IllegalArgumentException e) {
                config.problem("from", "'" + from + "' to '" + to + "'", "per-partition offsets (0:120,1:80), an"
                        + " ISO-8601 instant (2026-11-22T09:00:00Z), earliest or end, each partition once");
            }
            if (version == 0) {
                config.problem("model", config.found("model"), "NAME@VERSION: re-scoring names the version it uses");
            }
        }
        double threshold = config.decimal("threshold", ScoringSettings.DEFAULT.episodes().highMark(), 0.1, 1000);
        double lowMark = config.decimal("low-mark", threshold / 2, 0, 1000);
        if (lowMark > threshold) {
            config.problem("low-mark", config.found("low-mark"), "at most --threshold (" + threshold + ")");
            lowMark = threshold;
        }
        EpisodeSettings episodeDefaults = ScoringSettings.DEFAULT.episodes();
        EpisodeSettings episodes = new EpisodeSettings(threshold,
                config.integer("enter-frames", episodeDefaults.enterFrames(), 1, 10_000), lowMark,
                config.integer("exit-frames", episodeDefaults.exitFrames(), 1, 100_000),
                config.integer("update-every", episodeDefaults.updateEvery(), 1, 1_000_000));
        CalibrationSettings calibrationDefaults = ScoringSettings.DEFAULT.calibration();
        int history = config.integer("history-frames", calibrationDefaults.historyFrames(), 10, 10_000_000);
        int minHistory = config.integer("min-history", Math.min(history, calibrationDefaults.minHistory()), 1,
                10_000_000);
        if (minHistory > history) {
            config.problem("min-history", config.found("min-history"), "at most --history-frames (" + history + ")");
            minHistory = history;
        }
        CalibrationSettings calibration = new CalibrationSettings(history, minHistory,
                calibrationDefaults.refreshEvery(), threshold, config.integer("smoothing-frames",
                calibrationDefaults.smoothingFrames(), 1, 10_000),
                config.choice("score-scale", ScoreScale.class, calibrationDefaults.scale()));
        String modelDir = config.string("model-dir", "");
        String groupId = config.string("group-id", "vad-scorer");
        Path dir = modelDir.isBlank() ? null : Path.of(modelDir);
        ScoringSettings defaults = ScoringSettings.DEFAULT;
        int reconstructionEvery = config.integer("reconstruction-every", defaults.reconstructionEvery(), 0,
                1_000_000);
        int maxBatchWindows = config.integer("max-batch-windows", defaults.maxBatchWindows(), 1, 1024);
        int maxStreams = config.integer("max-streams", defaults.maxStreams(), 1, 1_000_000);
        boolean sceneChangeGuard = config.bool("scene-change-guard", defaults.sceneChangeGuard());
        double sceneChangeShare = config.decimal("scene-change-share", defaults.sceneChangeShare(), 0.01, 1);
        boolean skip = config.choice("without-model", WithoutModel.class, WithoutModel.WAIT) == WithoutModel.SKIP;
        String outputSuffix = config.string("output-suffix", ".rescore");
        KafkaSettings kafka = KafkaSettings.load(config, kafkaProperties, bootstrapRequired);
        TopicNames topics = TopicNames.load(config);
        TopicSettings topicSettings = TopicSettings.load(config);
        MetricsSettings metrics = MetricsSettings.load(config, DEFAULT_METRICS_PORT);
        ViewerSettings viewer = range == null ? ViewerSettings.load(config, ViewerSettings.DEFAULT_PORT)
                : ViewerSettings.OFF;
        EvidenceSettings evidence = range == null ? EvidenceSettings.load(config) : EvidenceSettings.OFF;
        ScoringSettings scoring = new ScoringSettings(calibration, episodes, sceneChangeGuard, sceneChangeShare,
                reconstructionEvery, maxBatchWindows, maxStreams, evidence.enabled());
        return new ScorerSettings(name, Math.max(0, version), groupId, dir, scoring, skip, range, outputSuffix,
                kafka, topics, topicSettings, metrics, viewer, evidence);
    }

    /** What live scoring does with windows that arrive before any model exists. */
    public enum WithoutModel {
        /** Leave them in Kafka until a model exists, then score them. */
        WAIT,
        /** Commit them unscored, counted, and score only what arrives after the first model. */
        SKIP
    }

    /** The topics this run writes to: the live ones, or the re-scoring copies. */
    public TopicNames outputTopics() {
        return range == null ? topics : topics.withOutputSuffix(outputSuffix);
    }
}
