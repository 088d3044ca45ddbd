package dev.vad.common.config;

/**
 * The topics of the pipeline. Each is configurable ({@code --topic-frames} / {@code VAD_TOPIC_FRAMES}, ...);
 * the defaults are those of the design.
 */
public record TopicNames(String frames, String models, String scores, String reconstructions, String events,
                         String deadLetters) {

    public static final TopicNames DEFAULT =
            new TopicNames("vad.frames", "vad.models", "vad.scores", "vad.reconstructions", "vad.events", "vad.dlq");

    private static final java.util.regex.Pattern LEGAL = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public static TopicNames load(ConfigReader config) {
        return new TopicNames(
                name(config, "topic-frames", DEFAULT.frames),
                name(config, "topic-models", DEFAULT.models),
                name(config, "topic-scores", DEFAULT.scores),
                name(config, "topic-reconstructions", DEFAULT.reconstructions),
                name(config, "topic-events", DEFAULT.events),
                name(config, "topic-dlq", DEFAULT.deadLetters));
    }

    /** The re-scoring copies: scores, reconstructions and events with {@code suffix} appended, the rest the same. */
    public TopicNames withOutputSuffix(String suffix) {
        return new TopicNames(frames, models, scores + suffix, reconstructions + suffix, events + suffix, deadLetters);
    }

    private static String name(ConfigReader config, String key, String defaultValue) {
        String value = config.string(key, defaultValue);
        if (!LEGAL.matcher(value).matches()) {
            config.problem(key, config.found(key), "a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
            return defaultValue;
        }
        return value;
    }
}
