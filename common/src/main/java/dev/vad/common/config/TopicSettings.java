package dev.vad.common.config;

import java.time.Duration;

/**
 * How missing topics are created.
 *
 * @param create               create missing topics (true) or fail naming them (false)
 * @param partitions           partitions of the stream topics (frames, scores, reconstructions, events, DLQ)
 * @param replicationFactor    replicas of every topic
 * @param retention            retention of the stream topics ({@code vad.models} is compacted, kept forever)
 * @param frameMaxMessageBytes {@code max.message.bytes} of the stream topics
 * @param modelMaxMessageBytes {@code max.message.bytes} of the model topic
 */
public record TopicSettings(boolean create, int partitions, short replicationFactor, Duration retention,
                            int frameMaxMessageBytes, int modelMaxMessageBytes) {

    public static final int DEFAULT_FRAME_MAX_BYTES = 16 << 20;
    public static final int DEFAULT_MODEL_MAX_BYTES = 64 << 20;

    public static final TopicSettings DEFAULT = new TopicSettings(true, 6, (short) 1, Duration.ofDays(7),
            DEFAULT_FRAME_MAX_BYTES, DEFAULT_MODEL_MAX_BYTES);

    public static final Setting<Boolean> CREATE = Setting.bool("create-topics", DEFAULT.create,
            "Create the missing topics the service uses at start; false fails naming them");
    public static final Setting<Integer> PARTITIONS = Setting.integer("topic-partitions", DEFAULT.partitions, 1,
            10_000, "Partitions of new stream topics and the camera registry (vad.models has one)");
    public static final Setting<Integer> REPLICATION = Setting.integer("topic-replication",
            DEFAULT.replicationFactor, 1, Short.MAX_VALUE, "Replicas of new topics");
    public static final Setting<Duration> RETENTION = Setting.duration("topic-retention", DEFAULT.retention,
            "Retention of new stream topics; vad.models is compacted and kept");
    public static final Setting<Integer> FRAME_MAX_BYTES = Setting.integer("frame-max-bytes",
            DEFAULT.frameMaxMessageBytes, 1 << 16, 1 << 30, "max.message.bytes of stream topics, and the clients'"
                    + " request and fetch sizes").environmentOnly();
    public static final Setting<Integer> MODEL_MAX_BYTES = Setting.integer("model-max-bytes",
            DEFAULT.modelMaxMessageBytes, 1 << 16, 1 << 30, "max.message.bytes of vad.models").environmentOnly();

    /** How the services create the topics they use. */
    public static final SettingGroup SETTINGS = SettingGroup.of("topic creation", CREATE, PARTITIONS, REPLICATION,
            RETENTION, FRAME_MAX_BYTES, MODEL_MAX_BYTES);

    public static TopicSettings load(ConfigReader config) {
        return load(config, CREATE);
    }

    /**
     * As {@link #load(ConfigReader)}, with {@code create-topics} read through a command's own declaration of it
     * (the broker's, which creates the pipeline's topics rather than those it uses).
     */
    public static TopicSettings load(ConfigReader config, Setting<Boolean> create) {
        return new TopicSettings(create.from(config), PARTITIONS.from(config),
                (short) (int) REPLICATION.from(config), RETENTION.from(config), FRAME_MAX_BYTES.from(config),
                MODEL_MAX_BYTES.from(config));
    }
}
