package dev.vad.ingest;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what ingest published, the way a downstream service does: a consumer decoding frame windows. */
final class FramesTopic implements AutoCloseable {

    private final KafkaConsumer<String, FrameWindow> consumer;
    private final List<ConsumerRecord<String, FrameWindow>> records = new ArrayList<>();

    FramesTopic(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new WireSerdes(WireLimits.DEFAULT).frameWindowDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, after one more poll. */
    List<ConsumerRecord<String, FrameWindow>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    /** The windows of one stream, in offset order. */
    List<FrameWindow> windows(String streamId) {
        return records.stream().filter(r -> r.key().equals(streamId)).map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
