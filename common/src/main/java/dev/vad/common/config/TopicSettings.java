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

    public static TopicSettings load(ConfigReader config) {
        return new TopicSettings(
                config.bool("create-topics", DEFAULT.create),
                config.integer("topic-partitions", DEFAULT.partitions, 1, 10_000),
                (short) config.integer("topic-replication", DEFAULT.replicationFactor, 1, Short.MAX_VALUE),
                config.duration("topic-retention", DEFAULT.retention),
                config.integer("frame-max-bytes", DEFAULT.frameMaxMessageBytes, 1 << 16, 1 << 30),
                config.integer("model-max-bytes", DEFAULT.modelMaxMessageBytes, 1 << 16, 1 << 30));
    }
}
