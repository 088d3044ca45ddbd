package dev.vad.scorer;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.store.ModelDirectory;
import dev.vad.core.score.ScoringConfig;
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

    private static final String NAME_EXPECTED = "a model name of 1 to 128 of A-Z a-z 0-9 . _ -";

    public static final Setting<String> MODEL = Setting.text("model", "NAME", "conv3d",
            "Model name to load and hot-swap").accepts(NAME_EXPECTED + ", or NAME@VERSION with a version >= 1");
    public static final Setting<String> GROUP_ID = Setting.text("group-id", "ID", "vad-scorer", "Consumer group");
    public static final Setting<WithoutModel> WITHOUT_MODEL = Setting.choice("without-model", WithoutModel.class,
            WithoutModel.WAIT, "Before a first model exists: leave windows in Kafka to score later, or pass them"
                    + " over");
    public static final Setting<String> OUTPUT_SUFFIX = Setting.text("output-suffix", "SUFFIX", ".rescore",
            "Re-scoring: appended to the scores, events and reconstructions topics");

    /** What {@code score} scores with, and as which consumer group. */
    public static final SettingGroup SCORE = SettingGroup.of("score", MODEL, GROUP_ID, WITHOUT_MODEL,
            ModelDirectory.SETTING);

    /**
     * Loads and validates; every problem is recorded in {@code config} (call {@link ConfigReader#validate()}).
     *
     * @param from re-scoring: range start (then {@code --model NAME@VERSION} names the version), or null
     * @param to   re-scoring: range end, or null for the log end
     */
    public static ScorerSettings load(ConfigReader config, String from, String to, List<String> kafkaProperties,
                                      boolean bootstrapRequired) {
        String model = MODEL.from(config);
        String name = model;
        long version = 0;
        int at = model.indexOf('@');
        if (at >= 0) {
            name = model.substring(0, at);
            version = version(model.substring(at + 1));
            if (version < 1) {
                modelProblem(config, "NAME or NAME@VERSION with a version >= 1");
            }
        }
        if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
            modelProblem(config, NAME_EXPECTED);
        }
        TopicRange range = from == null ? null : range(config, from, to);
        if (from != null && version == 0) {
            modelProblem(config, "NAME@VERSION: re-scoring names the version it uses");
        }
        ScoringSettings scoring = ScoringConfig.load(config);
        String modelDir = ModelDirectory.SETTING.from(config);
        String groupId = GROUP_ID.from(config);
        boolean skip = WITHOUT_MODEL.from(config) == WithoutModel.SKIP;
        String outputSuffix = OUTPUT_SUFFIX.from(config);
        KafkaSettings kafka = KafkaSettings.load(config, kafkaProperties, bootstrapRequired);
        TopicNames topics = TopicNames.load(config);
        TopicSettings topicSettings = TopicSettings.load(config);
        MetricsSettings metrics = MetricsSettings.load(config, DEFAULT_METRICS_PORT);
        ViewerSettings viewer = range == null ? ViewerSettings.load(config, ViewerSettings.DEFAULT_PORT)
                : ViewerSettings.OFF;
        EvidenceSettings evidence = range == null ? EvidenceSettings.load(config) : EvidenceSettings.OFF;
        return new ScorerSettings(name, Math.max(0, version), groupId,
                modelDir == null || modelDir.isBlank() ? null : Path.of(modelDir),
                scoring.withOpeningErrors(evidence.enabled()), skip, range, outputSuffix, kafka, topics,
                topicSettings, metrics, viewer, evidence);
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static TopicRange range(ConfigReader config, String from, String to) {
        try {
            return TopicRange.parse(from, to);
        } catch (IllegalArgumentException e) {
            config.problem("from", "'" + from + "' to '" + to + "'", "per-partition offsets (0:120,1:80), an"
                    + " ISO-8601 instant (2026-11-22T09:00:00Z), earliest or end, each partition once");
            return null;
        }
    }

    private static void modelProblem(ConfigReader config, String expected) {
        config.problem(MODEL.key(), config.found(MODEL.key()), expected);
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
