package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.metrics.MeterRegistries;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ranges resolved against a real log: 10 records per partition, record i stamped at 1,000,000 + 1,000 i ms. */
@ExtendWith(RealKafka.class)
class TopicRangeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String topic = UniqueNames.of("range");
    private KafkaClients clients;

    @BeforeEach
    void fill(KafkaBackend kafka) throws Exception {
        clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()),
                MeterRegistries.prometheus("test"), 1 << 20);
        try (Admin admin = clients.admin("it")) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (Producer<String, String> producer = clients.producer("it", new StringSerializer(),
                new StringSerializer())) {
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, p, 1_000_000L + 1_000L * i, "k", "v" + i)).get();
                }
            }
        }
    }

    private List<TopicRange.PartitionRange> resolve(String from, String to) {
        try (Consumer<String, String> consumer = clients.consumer(null, "it", new StringDeserializer(),
                new StringDeserializer())) {
            return TopicRange.parse(from, to).resolve(consumer, topic, TIMEOUT);
        }
    }

    @Test
    void offsetsNameTheirPartitionsAndTheEndDefaultsToTheLogEnd() {
        assertThat(resolve("0:3", null)).containsExactly(new TopicRange.PartitionRange(0, 3, 10));
        assertThat(resolve("0:3,1:0", "0:5")).containsExactly(new TopicRange.PartitionRange(0, 3, 5),
                new TopicRange.PartitionRange(1, 0, 10));
        assertThat(resolve("earliest", "end")).extracting(TopicRange.PartitionRange::count).containsExactly(10L, 10L);
    }

    @Test
    void instantsFindTheFirstRecordAtOrAfterThem() {
        // 1,004,000 ms and 1,007,500 ms since the epoch
        assertThat(resolve("1970-01-01T00:16:44Z", "1970-01-01T00:16:47.500Z"))
                .containsExactly(new TopicRange.PartitionRange(0, 4, 8), new TopicRange.PartitionRange(1, 4, 8));
        assertThat(resolve("2030-01-01T00:00:00Z", null)).as("after every record: empty")
                .allSatisfy(r -> assertThat(r.count()).isZero());
    }

    @Test
    void aRangeBeyondTheLogOrBackwardsIsRefusedClearly() {
        assertThatThrownBy(() -> resolve("0:50", null)).hasMessage("the range is beyond the log: partition 0 of "
                + topic + " would start at offset 50 but its log ends at 10");
        assertThatThrownBy(() -> resolve("0:6", "0:2")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> resolve("7:0", null)).hasMessageContaining("has 2 partitions");
    }
}
