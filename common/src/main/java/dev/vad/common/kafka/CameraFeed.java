package dev.vad.common.kafka;

import dev.vad.common.camera.CameraTable;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every camera of the registry topic, read outside any group from its start and followed as it changes: what a
 * part that serves every camera (the scorer) keeps. Records are folded by a {@link CameraTable}; one that is not a
 * usable camera changes nothing and is kept as skipped (ingest sends it to the dead letters). Not thread-safe.
 */
public final class CameraFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final CameraTable table;

    /**
     * @param check what makes a camera unusable here; those cameras are skipped
     * @throws IllegalStateException when the topic does not exist
     */
    public CameraFeed(KafkaClients clients, String topic, String clientId,
                      Function<Camera, List<ConfigProblem>> check) {
        this.consumer = clients.consumer(null, clientId, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.table = new CameraTable(check);
        if (!WholeTopic.assignFromStart(consumer, topic)) {
            consumer.close();
            throw new IllegalStateException("camera registry topic " + topic + " does not exist");
        }
    }

    /**
     * Reads the topic to the end it had when called, within {@code timeout}.
     *
     * @throws IllegalStateException when the end is not reached in time
     */
    public void catchUp(Duration timeout) {
        WholeTopic.readToEnd(consumer, timeout, "camera registry topic " + topic,
                () -> poll(Duration.ofMillis(200)));
    }

    /** Applies the records that arrived, waiting at most {@code timeout} for some; true when there were any. */
    public boolean poll(Duration timeout) {
        boolean any = false;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            CameraTable.Skipped skipped = table.apply(record.key(), record.value(), record.partition(),
                    record.offset());
            if (skipped != null) {
                LOG.debug("skipping camera record {}-{}@{}: {}", topic, record.partition(), record.offset(),
                        skipped.reason());
            }
            any = true;
        }
        return any;
    }

    /** The cameras now, by id. */
    public Map<String, Camera> cameras() {
        return table.cameras();
    }

    /** The records skipped so far, in the order met. */
    public List<CameraTable.Skipped> skipped() {
        return table.skipped();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
