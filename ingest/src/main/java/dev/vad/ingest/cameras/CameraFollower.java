package dev.vad.ingest.cameras;

import dev.vad.common.camera.CameraTable;
import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cameras of the registry topic that this ingest instance owns, and follows the topic's changes: a new or
 * enabled camera starts its stream, a changed one restarts, a removed or disabled one stops. The instances of one
 * consumer group share the registry's partitions, so each camera runs on one of them, and the cameras of an instance
 * that leaves or dies are taken over by the others once the group notices.
 *
 * <p>Each partition assigned is read from its start, since the compacted topic is the whole truth; its cameras run
 * once it has been read to the end it had when assigned. A record that is not a camera ingest can read is skipped,
 * changes nothing and goes to the dead letters; the group's committed offsets mark the records already judged, so
 * one is dead-lettered once, not again by each instance that reads the partition later.
 */
public final class CameraFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraFollower.class);
    /** The dead-letter reason of a camera record ingest cannot use. */
    public static final String REASON = "camera";
    private static final String SERVICE = "ingest";

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, DeadLetter> letterProducer;
    private final IngestSettings settings;
    private final CameraRoster roster;
    private final DeadLetters deadLetters;
    private final Map<TopicPartition, Owned> owned = new LinkedHashMap<>();
    private volatile boolean stopping;

    /** A partition this instance owns: its cameras, where it ended when assigned, what was judged before. */
    private static final class Owned {
        final CameraTable table = new CameraTable(CameraStream::problems);
        final long endWhenAssigned;
        final long judgedBefore;

        Owned(long endWhenAssigned, long judgedBefore) {
            this.endWhenAssigned = endWhenAssigned;
            this.judgedBefore = judgedBefore;
        }
    }

    private CameraFollower(Consumer<String, byte[]> consumer, Producer<String, DeadLetter> letterProducer,
                           IngestSettings settings, IngestService service, DeadLetters deadLetters) {
        this.consumer = consumer;
        this.letterProducer = letterProducer;
        this.settings = settings;
        this.roster = new CameraRoster(service, settings.policy());
        this.deadLetters = deadLetters;
    }

    /**
     * A follower of the registry of {@code settings}, in the group of {@code settings.following()}, running the
     * cameras it owns on {@code service}. Assignment is cooperative, so a rebalance moves only the partitions that
     * change owner and the other cameras go on.
     */
    public static CameraFollower open(IngestSettings settings, KafkaClients clients, IngestService service,
                                      MeterRegistry registry, Clock clock) {
        Consumer<String, byte[]> consumer = clients.consumer(settings.following().groupId(), "vad-ingest-cameras",
                new StringDeserializer(), new ByteArrayDeserializer(), Map.of(
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName()));
        Producer<String, DeadLetter> letters = clients.producer("vad-ingest-dlq", new StringSerializer(),
                new WireSerdes(WireLimits.DEFAULT).deadLetterSerializer());
        return new CameraFollower(consumer, letters, settings, service, new DeadLetters(letters,
                settings.topics().deadLetters(), SERVICE, 1 << 20, registry, clock));
    }

    /** Follows the registry until {@link #close()}; then stops every camera it runs and leaves the group. */
    public void run() throws InterruptedException {
        consumer.subscribe(List.of(settings.topics().cameras()), new Rebalance());
        try {
            while (!stopping) {
                List<Future<RecordMetadata>> letters = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    judge(record, letters);
                }
                awaitAll(letters);
                commit();
                reconcile();
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            roster.stopAll();
            consumer.close(Duration.ofSeconds(5));
            letterProducer.close(Duration.ofSeconds(5));
        }
    }

    /** The ids of the cameras this instance runs now; safe from any thread. */
    public List<String> cameras() {
        return roster.cameras();
    }

    /** Asks {@link #run()} to stop; safe from any thread. */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
    }

    private void judge(ConsumerRecord<String, byte[]> record, List<Future<RecordMetadata>> letters) {
        Owned partition = owned.get(new TopicPartition(record.topic(), record.partition()));
        if (partition == null) {
            return;
        }
        CameraTable.Skipped skipped = partition.table.apply(record.key(), record.value(), record.partition(),
                record.offset());
        if (skipped == null) {
            return;
        }
        if (record.offset() >= partition.judgedBefore) {
            letters.add(deadLetters.send(record, REASON, skipped.reason()));
        } else {
            LOG.debug("skipping {}-{}@{} again: {}", record.topic(), record.partition(), record.offset(),
                    skipped.reason());
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> letters) throws InterruptedException {
        for (Future<RecordMetadata> letter : letters) {
            try {
                letter.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not send a camera record to the dead letters: "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Marks the records read so far as judged, once their dead letters are acknowledged. */
    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        owned.forEach((partition, state) -> {
            long position = consumer.position(partition);
            if (position > state.judgedBefore) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.debug("camera registry offsets not committed, the group is rebalancing: {}", e.getMessage());
        }
    }

    /** Starts, restarts and stops streams so that the enabled cameras of the partitions read to their end run. */
    private void reconcile() throws InterruptedException {
        Map<String, CameraStream> wanted = new TreeMap<>();
        owned.forEach((partition, state) -> {
            if (consumer.position(partition) >= state.endWhenAssigned) {
                for (Camera camera : state.table.cameras().values()) {
                    if (camera.enabled()) {
                        wanted.put(camera.cameraId(), CameraStream.of(camera, settings.geometry().aspect(),
                                settings.following()));
                    }
                }
            }
        });
        roster.runOnly(wanted);
    }

    /** Reads each partition assigned from its start; stops the cameras of those taken away. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> judged = consumer.committed(new HashSet<>(partitions));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = judged.get(partition);
                owned.put(partition, new Owned(ends.getOrDefault(partition, 0L), offset == null ? 0
                        : offset.offset()));
            }
            consumer.seekToBeginning(partitions);
            LOG.info("camera registry partitions {} assigned; reading their cameras", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        private void release(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            LOG.info("camera registry partitions {} taken away; stopping their cameras", partitions);
            partitions.forEach(owned::remove);
            try {
                reconcile();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
