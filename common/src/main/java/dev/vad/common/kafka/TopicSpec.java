package dev.vad.common.kafka;

import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic as the pipeline wants it.
 *
 * @param name              topic name
 * @param partitions        partition count
 * @param replicationFactor replicas
 * @param configs           topic-level settings ({@code cleanup.policy}, {@code retention.ms}, {@code max.message.bytes})
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /**
     * Every topic of the pipeline: stream topics with retention, the model topic and the camera registry
     * compacted and kept forever.
     */
    public static List<TopicSpec> pipeline(TopicNames names, TopicSettings settings) {
        Map<String, String> stream = Map.of(
                "cleanup.policy", "delete",
                "retention.ms", Long.toString(settings.retention().toMillis()),
                "max.message.bytes", Integer.toString(settings.frameMaxMessageBytes()));
        Map<String, String> models = Map.of(
                "cleanup.policy", "compact",
                "retention.ms", "-1",
                "max.message.bytes", Integer.toString(settings.modelMaxMessageBytes()));
        Map<String, String> cameras = Map.of(
                "cleanup.policy", "compact",
                "retention.ms", "-1");
        short replicas = settings.replicationFactor();
        int partitions = settings.partitions();
        return List.of(
                new TopicSpec(names.frames(), partitions, replicas, stream),
                new TopicSpec(names.models(), 1, replicas, models),
                new TopicSpec(names.scores(), partitions, replicas, stream),
                new TopicSpec(names.reconstructions(), partitions, replicas, stream),
                new TopicSpec(names.events(), partitions, replicas, stream),
                new TopicSpec(names.deadLetters(), partitions, replicas, stream),
                new TopicSpec(names.cameras(), partitions, replicas, cameras));
    }

    /** The topics of {@link #pipeline} that {@code access} reads or writes: what that part makes sure exist. */
    public static List<TopicSpec> usedBy(KafkaAccess access, TopicNames names, TopicSettings settings) {
        Set<String> used = access.topics();
        return pipeline(names, settings).stream().filter(spec -> used.contains(spec.name())).toList();
    }
}
