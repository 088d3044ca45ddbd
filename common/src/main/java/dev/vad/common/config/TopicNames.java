package dev.vad.common.config;

/**
 * The topics of the pipeline. Each is configurable ({@code --topic-frames} / {@code VAD_TOPIC_FRAMES}, ...);
 * the defaults are those of the design.
 */
public record TopicNames(String frames, String models, String scores, String reconstructions, String events,
                         String deadLetters, String cameras) {

    public static final TopicNames DEFAULT =
            new TopicNames("vad.frames", "vad.models", "vad.scores", "vad.reconstructions", "vad.events", "vad.dlq",
                    "vad.cameras");

    private static final java.util.regex.Pattern LEGAL = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public static final Setting<String> FRAMES = topic("topic-frames", DEFAULT.frames, "Frame windows");
    public static final Setting<String> MODELS = topic("topic-models", DEFAULT.models, "Models, compacted");
    public static final Setting<String> SCORES = topic("topic-scores", DEFAULT.scores, "Scores");
    public static final Setting<String> RECONSTRUCTIONS = topic("topic-reconstructions", DEFAULT.reconstructions,
            "Reconstructions");
    public static final Setting<String> EVENTS = topic("topic-events", DEFAULT.events, "Anomaly events");
    public static final Setting<String> DEAD_LETTERS = topic("topic-dlq", DEFAULT.deadLetters, "Dead letters");
    public static final Setting<String> CAMERAS = topic("topic-cameras", DEFAULT.cameras,
            "The camera registry, compacted");

    /** The topic names. */
    public static final SettingGroup SETTINGS = SettingGroup.of("topic names", FRAMES, MODELS, SCORES,
            RECONSTRUCTIONS, EVENTS, DEAD_LETTERS, CAMERAS);

    public static TopicNames load(ConfigReader config) {
        return new TopicNames(name(config, FRAMES), name(config, MODELS), name(config, SCORES),
                name(config, RECONSTRUCTIONS), name(config, EVENTS), name(config, DEAD_LETTERS),
                name(config, CAMERAS));
    }

    private static Setting<String> topic(String key, String defaultValue, String description) {
        return Setting.text(key, "NAME", defaultValue, description)
                .accepts("a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
    }

    /** The re-scoring copies: scores, reconstructions and events with {@code suffix} appended, the rest the same. */
    public TopicNames withOutputSuffix(String suffix) {
        return new TopicNames(frames, models, scores + suffix, reconstructions + suffix, events + suffix, deadLetters,
                cameras);
    }

    private static String name(ConfigReader config, Setting<String> setting) {
        String value = setting.from(config);
        if (!LEGAL.matcher(value).matches()) {
            config.problem(setting.key(), config.found(setting.key()), setting.accepts());
            return setting.defaultValue();
        }
        return value;
    }
}
