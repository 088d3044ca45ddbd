package dev.vad.common.kafka;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted models topic from its beginning, outside any consumer group: every process sees every
 * model. An artifact that does not decode (truncated, corrupt, from a newer build) is reported to the listener
 * and skipped, so a partial model is never handed out. Not thread-safe: one thread polls it.
 */
public final class ModelFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFeed.class);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final ModelArtifactCodec codec;
    private final RejectListener rejects;
    private final Map<String, ModelArtifact> newest = new HashMap<>();

    /**
     * @param rejects told of every record that is not a readable model artifact
     */
    public ModelFeed(KafkaClients clients, String topic, String clientId, RejectListener rejects) {
        this.consumer = clients.consumer(null, clientId, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.codec = new ModelArtifactCodec(WireLimits.DEFAULT);
        this.rejects = rejects;
        if (!WholeTopic.assignFromStart(consumer, topic)) {
            consumer.close();
            throw new IllegalStateException("models topic " + topic + " does not exist");
        }
    }

    /**
     * Reads everything published before this call, within {@code timeout}, and returns the newest version of
     * each model name seen so far.
     *
     * @throws IllegalStateException when the end is not reached in time
     */
    public Map<String, ModelArtifact> catchUp(Duration timeout) {
        WholeTopic.readToEnd(consumer, timeout, "models topic " + topic, () -> poll(Duration.ofMillis(200)));
        return Map.copyOf(newest);
    }

    /**
     * Searches the whole topic for one exact version (the compacted topic keeps older versions only until the
     * log cleaner removes them). Reads from the beginning again; the newest-version bookkeeping is unchanged.
     */
    public Optional<ModelArtifact> find(String name, long version, Duration timeout) {
        consumer.seekToBeginning(consumer.assignment());
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        ModelArtifact found = null;
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read models topic " + topic + " within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (found == null && name.equals(record.key()) && record.value() != null) {
                    try {
                        ModelArtifact artifact = codec.decode(record.value());
                        if (artifact.key().equals(name) && artifact.header().version() == version) {
                            found = artifact;
                        }
                    } catch (WireFormatException e) {
                        rejects.rejected(record, e);
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Artifacts that arrived since the last call, in log order, each newer than any seen before for its name. */
    public List<ModelArtifact> poll(Duration timeout) {
        List<ModelArtifact> fresh = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.value() == null) {
                continue;
            }
            ModelArtifact artifact;
            try {
                artifact = codec.decode(record.value());
            } catch (WireFormatException e) {
                LOG.warn("skipping unreadable model record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                rejects.rejected(record, e);
                continue;
            }
            ModelArtifact known = newest.get(artifact.key());
            if (known == null || artifact.header().version() > known.header().version()) {
                newest.put(artifact.key(), artifact);
                fresh.add(artifact);
            }
        }
        return fresh;
    }

    /** The newest artifact of a model name seen so far. */
    public Optional<ModelArtifact> newest(String name) {
        return Optional.ofNullable(newest.get(name));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** Told of a record on the models topic that is not a readable artifact. */
    @FunctionalInterface
    public interface RejectListener {
        void rejected(ConsumerRecord<String, byte[]> record, WireFormatException error);
    }
}
