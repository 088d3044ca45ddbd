package dev.vad.bench;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.WireSerdes;
import dev.vad.scorer.ScorerService;
import dev.vad.scorer.ScorerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka side of a {@code vad bench score} case: fresh pipeline topics with the model published on their models
 * topic, a scorer service on those topics, and a consumer of their scores.
 */
final class ScorePipeline {

    private final KafkaClients clients;
    private final String servers;
    private final WireSerdes serdes;

    ScorePipeline(KafkaClients clients, String servers, WireSerdes serdes) {
        this.clients = clients;
        this.servers = servers;
        this.serdes = serdes;
    }

    /** Fresh topics for one case, the model published on its models topic; the flags naming them. */
    Map<String, String> topics(ModelArtifact artifact) throws Exception {
        String prefix = "vad.bench.score-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> flags = new HashMap<>();
        for (String kind : List.of("frames", "models", "scores", "reconstructions", "events", "dlq", "cameras")) {
            flags.put("topic-" + kind, prefix + "." + kind);
        }
        ConfigReader config = new ConfigReader(flags, Map.of());
        try (Admin admin = clients.admin("vad-bench-admin")) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.pipeline(TopicNames.load(config),
                    TopicSettings.load(config)), true);
        }
        try (Producer<String, ModelArtifact> producer = clients.producer("vad-bench-model", new StringSerializer(),
                serdes.modelSerializer())) {
            producer.send(new ProducerRecord<>(flags.get("topic-models"), artifact.key(), artifact)).get();
        }
        return flags;
    }

    /** A producer of frame windows, for the frames topic of a case. */
    Producer<String, FrameWindow> frames(String clientId) {
        return clients.producer(clientId, new StringSerializer(), serdes.frameWindowSerializer());
    }

    /** A scorer service of the model {@code bench} on {@code topics}, with its own clients; not yet running. */
    ScorerService scorer(Map<String, String> topics) {
        Map<String, String> flags = new HashMap<>(topics);
        flags.putAll(Map.of("bootstrap-servers", servers, "model", "bench", "metrics-port", "-1",
                "reconstruction-every", "10"));
        ConfigReader config = new ConfigReader(flags, Map.of());
        ScorerSettings settings = ScorerSettings.load(config, null, null, List.of(), true);
        config.validate();
        return new ScorerService(settings, new KafkaClients(settings.kafka(), new SimpleMeterRegistry(), 64 << 20),
                new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** A consumer in a group of its own, subscribed to the scores topic of {@code topics}. */
    Consumer<String, byte[]> scores(Map<String, String> topics) {
        Consumer<String, byte[]> consumer = clients.consumer("vad-bench-" + UUID.randomUUID(), "vad-bench-scores",
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.get("topic-scores")));
        return consumer;
    }

    /** Runs {@code scorer} until it is closed; an interrupt ends it. */
    static void run(ScorerService scorer) {
        try {
            scorer.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
