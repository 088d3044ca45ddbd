package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.metrics.MeterRegistries;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.WireSamples;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafka.class)
class ModelFeedIT {

    private static final ModelArtifactCodec CODEC = new ModelArtifactCodec();

    @Test
    void catchesUpToTheNewestVersionPerNameAndSkipsUnreadableRecords(KafkaBackend kafka) throws Exception {
        String topic = UniqueNames.of("models");
        try (KafkaClients clients = clients(kafka)) {
            create(clients, topic);
            byte[] v2 = encode("conv3d", 2);
            try (Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topic, "conv3d", encode("conv3d", 1))).get();
                producer.send(new ProducerRecord<>(topic, "conv2d", encode("conv2d", 7))).get();
                producer.send(new ProducerRecord<>(topic, "conv3d", v2)).get();
                producer.send(new ProducerRecord<>(topic, "conv3d", Arrays.copyOf(v2, v2.length / 2))).get();
            }
            List<String> rejected = new ArrayList<>();
            try (ModelFeed feed = new ModelFeed(clients, topic, "it-feed",
                    (record, error) -> rejected.add(record.offset() + ": " + error.getMessage()))) {
                Map<String, ModelArtifact> newest = feed.catchUp(Duration.ofSeconds(30));

                assertThat(newest).containsOnlyKeys("conv3d", "conv2d");
                assertThat(newest.get("conv3d").header().version()).isEqualTo(2);
                assertThat(newest.get("conv2d").header().version()).isEqualTo(7);
                assertThat(rejected).hasSize(1).first().asString().startsWith("3: ");
                assertThat(feed.newest("conv3d")).contains(newest.get("conv3d"));
            }
        }
    }

    @Test
    void pollHandsOutOnlyVersionsNewerThanAnySeen(KafkaBackend kafka) throws Exception {
        String topic = UniqueNames.of("models");
        try (KafkaClients clients = clients(kafka);
             Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(),
                     new ByteArraySerializer())) {
            create(clients, topic);
            producer.send(new ProducerRecord<>(topic, "m", encode("m", 3))).get();
            try (ModelFeed feed = new ModelFeed(clients, topic, "it-feed", (record, error) -> { })) {
                assertThat(feed.catchUp(Duration.ofSeconds(30))).containsOnlyKeys("m");
                producer.send(new ProducerRecord<>(topic, "m", encode("m", 2))).get();
                producer.send(new ProducerRecord<>(topic, "m", encode("m", 4))).get();

                List<Long> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    feed.poll(Duration.ofMillis(200)).forEach(a -> seen.add(a.header().version()));
                }
                assertThat(seen).as("the stale version 2 is not handed out").containsExactly(4L);
            }
        }
    }

    @Test
    void refusesAMissingTopic(KafkaBackend kafka) {
        try (KafkaClients clients = clients(kafka)) {
            String topic = UniqueNames.of("absent");
            assertThatThrownBy(() -> new ModelFeed(clients, topic, "it-feed", (record, error) -> { }))
                    .hasMessageContaining(topic).hasMessageContaining("does not exist");
        }
    }

    private static byte[] encode(String name, long version) {
        return CODEC.encode(WireSamples.modelArtifact(name, version));
    }

    private static void create(KafkaClients clients, String topic) throws Exception {
        try (Admin admin = clients.admin("it-admin")) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static KafkaClients clients(KafkaBackend kafka) {
        return new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()),
                MeterRegistries.prometheus("test"), 1 << 20);
    }
}
