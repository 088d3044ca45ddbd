package dev.vad.trainer;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.TopicRange;
import dev.vad.core.train.TrainingSettings;
import dev.vad.model.fit.FitSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the trainer needs, validated as a whole.
 *
 * @param modelName         name the models are published under (the key on the models topic)
 * @param mode              continual, fit-then-freeze or replay
 * @param training          network, batch, learning rate, seed, patch size ({@code steps} bounds a finite fit);
 *                          the replay buffer, the validation split and sample, the learning rate's patience
 * @param publishEverySteps continual: steps between validations (a new version when validation improved)
 * @param publishEvery      continual: at most this long between validations
 * @param minImprovement    continual: a new version must lower the validation loss of the last one published by
 *                          at least this fraction
 * @param trainWindows      fit-then-freeze: windows to learn from
 * @param trainFor          fit-then-freeze: or this long of the stream, whichever comes first (zero: no limit)
 * @param idleTimeout       fit-then-freeze: the stream counts as ended after this long without a window
 * @param groupId           consumer group (continual and fit-then-freeze)
 * @param modelDir          directory the artifacts are also written to, or null
 * @param range             replay: the range of the frames topic to learn from, or null
 * @param kafka             how to reach Kafka
 * @param topics            topic names
 * @param topicSettings     how missing topics are created
 * @param metrics           where /metrics is served (default port 9402)
 */
public record TrainerSettings(String modelName, TrainingMode mode, TrainingSettings training, int publishEverySteps,
                              Duration publishEvery, double minImprovement, int trainWindows, Duration trainFor,
                              Duration idleTimeout, String groupId, Path modelDir, TopicRange range,
                              KafkaSettings kafka, TopicNames topics, TopicSettings topicSettings,
                              MetricsSettings metrics) {

    public static final int DEFAULT_METRICS_PORT = 9402;
    /**
     * Loads and validates; every problem is recorded in {@code config} (call {@link ConfigReader#validate()}).
     *
     * @param from              replay start (the {@code --from} flag), or null for continual / fit-then-freeze
     * @param to                replay end, or null
     * @param kafkaProperties   the {@code --kafka-property} flags
     * @param bootstrapRequired false when the caller will start an embedded broker
     */
    public static TrainerSettings load(ConfigReader config, String from, String to, List<String> kafkaProperties,
                                       boolean bootstrapRequired) {
        String kind = config.string("model", "conv3d");
        FitSettings fit = FitSettings.load(config, 600, 3e-3);
        String name = config.string("model-name", kind);
        if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
            config.problem("model-name", config.found("model-name"), "1 to 128 of A-Z a-z 0-9 . _ -");
        }
        TrainingMode mode = config.choice("mode", TrainingMode.class, TrainingMode.CONTINUAL);
        TopicRange range = null;
        if (from != null) {
            mode = TrainingMode.REPLAY;
            try {
                range = TopicRange.parse(from, to);
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().startsWith("--to") ? "to" : "from";
                config.problem(key, "'" + (key.equals("to") ? to : from) + "'", "per-partition offsets (0:120,1:80),"
                        + " an ISO-8601 instant (2026-11-22T09:00:00Z), earliest or end, each partition once");
            }
        } else if (to != null) {
            config.problem("to", config.found("to"), "--to only with --from (a replay range)");
        } else if (mode == TrainingMode.REPLAY) {
            config.problem("mode", config.found("mode"), "continual or fit-then-freeze; a replay is asked for with"
                    + " --from and --to");
            mode = TrainingMode.CONTINUAL;
        }
        int bufferWindows = config.integer("buffer-windows", 2000, 1, 1_000_000);
        int trainWindows = config.integer("train-windows", 400, 1, 1_000_000);
        if (mode != TrainingMode.CONTINUAL && trainWindows > bufferWindows && config.raw("buffer-windows") == null) {
            bufferWindows = trainWindows;
        }
        String modelDir = config.string("model-dir", "");
        int publishEverySteps = config.integer("publish-every-steps", 200, 1, 100_000_000);
        Duration publishEvery = config.positiveDuration("publish-every", Duration.ofMinutes(2));
        double minImprovement = config.decimal("min-improvement", 0.01, 0, 0.99);
        int validationOneIn = config.integer("validation-one-in", 10, 2, 1000);
        int validationWindows = config.integer("validation-windows", 256, 1, 100_000);
        Duration trainFor = config.duration("train-for", Duration.ZERO);
        Duration idleTimeout = config.positiveDuration("idle-timeout", Duration.ofSeconds(10));
        int patience = config.integer("patience", 5, 1, 1000);
        TrainingSettings training = new TrainingSettings(fit, bufferWindows, validationOneIn, validationWindows,
                patience);
        return new TrainerSettings(name, mode, training, publishEverySteps, publishEvery, minImprovement,
                trainWindows, trainFor, idleTimeout, config.string("group-id", "vad-trainer"),
                modelDir.isBlank() ? null : Path.of(modelDir), range,
                KafkaSettings.load(config, kafkaProperties, bootstrapRequired), TopicNames.load(config),
                TopicSettings.load(config), MetricsSettings.load(config, DEFAULT_METRICS_PORT));
    }

    /** How the network is fitted: the training settings' fit. */
    public FitSettings fit() {
        return training.fit();
    }

    /** The artifact's view dimensionality. */
    public int dimensions() {
        return training.fit().dimensions();
    }
}
