package dev.vad.scorer;

import java.util.HashMap;
import java.util.Map;

/** Settings shared by the scorer's integration tests: one broker, topics of their own, no metrics endpoint. */
public final class PipelineFlags {

    private PipelineFlags() {
    }

    /** The flags of every service of one test: its broker and its topics ({@code prefix.frames}, ...), then extra. */
    public static Map<String, String> of(String bootstrapServers, String prefix, Map<String, String> extra) {
        Map<String, String> flags = new HashMap<>(Map.of("bootstrap-servers", bootstrapServers,
                "topic-frames", prefix + ".frames", "topic-models", prefix + ".models", "topic-dlq", prefix + ".dlq",
                "topic-scores", prefix + ".scores", "topic-events", prefix + ".events",
                "topic-reconstructions", prefix + ".reconstructions", "topic-partitions", "2",
                "metrics-port", "-1"));
        flags.put("topic-cameras", prefix + ".cameras");
        flags.putAll(extra);
        return flags;
    }

    /** Runs a scorer on this thread until it ends. */
    public static ScorerOutcome run(ScorerService service) {
        try {
            return service.run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
