package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.metrics.MeterRegistries;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSamples;
import dev.vad.common.wire.WireSerdes;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every wire message type goes through a real topic and comes back equal. */
@ExtendWith(RealKafka.class)
class WireTopicsIT {

    private static final WireSerdes SERDES = new WireSerdes(WireLimits.DEFAULT);

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("frame window", SERDES.frameWindowSerializer(), SERDES.frameWindowDeserializer(),
                        WireSamples.frameWindow()),
                Arguments.of("reconstruction", SERDES.reconstructionSerializer(), SERDES.reconstructionDeserializer(),
                        WireSamples.reconstruction()),
                Arguments.of("model artifact", SERDES.modelSerializer(), SERDES.modelDeserializer(),
                        WireSamples.modelArtifact()),
                Arguments.of("score", SERDES.scoreSerializer(), SERDES.scoreDeserializer(),
                        WireSamples.scoreRecord()),
                Arguments.of("anomaly event", SERDES.eventSerializer(), SERDES.eventDeserializer(),
                        WireSamples.anomalyEvent()),
                Arguments.of("dead letter", SERDES.deadLetterSerializer(), SERDES.deadLetterDeserializer(),
                        WireSamples.deadLetter()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    <T> void roundTripsThroughARealTopic(String type, Serializer<T> serializer, Deserializer<T> deserializer,
                                         T sample, KafkaBackend kafka) throws Exception {
        String topic = UniqueNames.of("wire");
        PrometheusMeterRegistry registry = MeterRegistries.prometheus("test");
        try (KafkaClients clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()), registry,
                1 << 20)) {
            try (Producer<String, T> producer = clients.producer("it-producer", new StringSerializer(), serializer)) {
                producer.send(new ProducerRecord<>(topic, "cam-1", sample)).get();
            }
            List<T> received = new ArrayList<>();
            try (Consumer<String, T> consumer = clients.consumer(UniqueNames.of("group"), "it-consumer",
                    new StringDeserializer(), deserializer)) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                        received.add(record.value());
                    }
                }
            }
            assertThat(received).containsExactly(sample);
            assertThat(registry.scrape()).as("Kafka client metrics are bound")
                    .contains("kafka_producer_record_send_total", "kafka_consumer_fetch_manager_records_consumed_total");
        }
    }
}
