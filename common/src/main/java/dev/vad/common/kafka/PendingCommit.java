package dev.vad.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer has read since its last commit, and what was sent for it (outputs, dead letters). A commit first
 * waits until every send is acknowledged, so nothing read is committed before what it produced is kept.
 */
final class PendingCommit {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final String service;
    private final String again;
    private final Map<TopicPartition, OffsetAndMetadata> read = new HashMap<>();
    private final List<Future<RecordMetadata>> sends = new ArrayList<>();

    /**
     * @param service the service, for messages ({@code scorer})
     * @param again   what becomes of records read but not committed ({@code the windows are scored again})
     */
    PendingCommit(String service, String again) {
        this.service = service;
        this.again = again;
    }

    /** Notes {@code record} as read: the next commit covers it. */
    void read(ConsumerRecord<?, ?> record) {
        read.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                (a, b) -> a.offset() >= b.offset() ? a : b);
    }

    /** Notes a send made for what was read: the next commit waits for its acknowledgement. */
    void sent(Future<RecordMetadata> send) {
        sends.add(send);
    }

    /**
     * Waits until every send so far is acknowledged.
     *
     * @throws IllegalStateException when one is refused or not acknowledged within a minute
     */
    void awaitSends() throws InterruptedException {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge what the " + service + " sent ("
                        + (e.getCause() == null ? e : e.getCause()).getMessage() + "); nothing read since its last"
                        + " commit is committed, so " + again + " after a restart", e);
            }
        }
        sends.clear();
    }

    /**
     * Commits what was read since the last commit, once every send is acknowledged; false when a rebalance refused
     * the commit (the partitions' new owner reads those records again).
     */
    boolean commit(Consumer<?, ?> consumer) throws InterruptedException {
        awaitSends();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(read);
        read.clear();
        return OffsetCommits.commit(consumer, offsets, again + " by the partitions' new owner");
    }
}
