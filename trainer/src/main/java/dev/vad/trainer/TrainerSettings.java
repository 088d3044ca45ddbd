package dev.vad.trainer;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.store.ModelDirectory;
import dev.vad.core.train.TrainingSettings;
import dev.vad.model.fit.FitSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

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

    public static final Setting<String> MODEL_NAME = Setting.text("model-name", "NAME", null,
            "Name to publish under").defaultText("the kind").accepts("1 to 128 of A-Z a-z 0-9 . _ -");
    public static final Setting<TrainingMode> MODE = Setting.choice("mode", TrainingMode.class,
            TrainingMode.CONTINUAL, "Learn while the stream flows, or from its first windows then stop; a replay"
                    + " is asked for with --from and --to").label("continual|fit-then-freeze");
    public static final Setting<String> GROUP_ID = Setting.text("group-id", "ID", "vad-trainer", "Consumer group");
    public static final Setting<Integer> PUBLISH_EVERY_STEPS = Setting.integer("publish-every-steps", 200, 1,
            100_000_000, "Steps between validations; a better model is published");
    public static final Setting<Duration> PUBLISH_EVERY = Setting.positiveDuration("publish-every",
            Duration.ofMinutes(2), "Continual: at most this long between validations");
    public static final Setting<Double> MIN_IMPROVEMENT = Setting.decimal("min-improvement", "FRACTION", 0.01, 0,
            0.99, "Continual: publish when validation loss falls by this fraction since the last version");
    public static final Setting<Integer> BUFFER_WINDOWS = Setting.integer("buffer-windows", 2000, 1, 1_000_000,
            "Replay-buffer capacity; at least --train-windows in a finite fit unless given");
    public static final Setting<Integer> VALIDATION_ONE_IN = Setting.integer("validation-one-in", 10, 2, 1000,
            "Hold out one window in N for validation");
    public static final Setting<Integer> VALIDATION_WINDOWS = Setting.integer("validation-windows", 256, 1,
            100_000, "Held-out sample size");
    public static final Setting<Integer> TRAIN_WINDOWS = Setting.integer("train-windows", 400, 1, 1_000_000,
            "Fit-then-freeze: windows to learn from");
    public static final Setting<Duration> TRAIN_FOR = Setting.duration("train-for", Duration.ZERO,
            "Fit-then-freeze: or this long of the stream, whichever is first; 0s no limit");
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.positiveDuration("idle-timeout",
            Duration.ofSeconds(10), "Fit-then-freeze: the stream has ended after this long without a window");
    public static final Setting<Integer> PATIENCE = Setting.integer("patience", 5, 1, 1000,
            "Validations without improvement before the learning rate halves");

    /** How a training run fits and publishes (train and replay share these; each has its own --model). */
    public static final SettingGroup TRAINING = new SettingGroup("training", Stream.concat(
            Stream.of(MODEL_NAME), Stream.concat(FitSettings.SETTINGS.stream(), Stream.of(PUBLISH_EVERY_STEPS,
                    PUBLISH_EVERY, MIN_IMPROVEMENT, BUFFER_WINDOWS, VALIDATION_ONE_IN, VALIDATION_WINDOWS,
                    TRAIN_WINDOWS, TRAIN_FOR, IDLE_TIMEOUT, PATIENCE))).toList());
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
        String kind = FitSettings.MODEL.from(config);
        FitSettings fit = FitSettings.load(config, FitSettings.STEPS.defaultValue(),
                FitSettings.LEARNING_RATE.defaultValue());
        String name = MODEL_NAME.from(config, kind);
        if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
            config.problem(MODEL_NAME.key(), config.found(MODEL_NAME.key()), MODEL_NAME.accepts());
        }
        TrainingMode mode = MODE.from(config);
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
        int bufferWindows = BUFFER_WINDOWS.from(config);
        int trainWindows = TRAIN_WINDOWS.from(config);
        if (mode != TrainingMode.CONTINUAL && trainWindows > bufferWindows && !BUFFER_WINDOWS.given(config)) {
            bufferWindows = trainWindows;
        }
        String modelDir = ModelDirectory.SETTING.from(config);
        int publishEverySteps = PUBLISH_EVERY_STEPS.from(config);
        Duration publishEvery = PUBLISH_EVERY.from(config);
        double minImprovement = MIN_IMPROVEMENT.from(config);
        int validationOneIn = VALIDATION_ONE_IN.from(config);
        int validationWindows = VALIDATION_WINDOWS.from(config);
        Duration trainFor = TRAIN_FOR.from(config);
        Duration idleTimeout = IDLE_TIMEOUT.from(config);
        int patience = PATIENCE.from(config);
        TrainingSettings training = new TrainingSettings(fit, bufferWindows, validationOneIn, validationWindows,
                patience);
        return new TrainerSettings(name, mode, training, publishEverySteps, publishEvery, minImprovement,
                trainWindows, trainFor, idleTimeout, GROUP_ID.from(config),
                modelDir == null || modelDir.isBlank() ? null : Path.of(modelDir), range,
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
