package dev.vad.trainer;

import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.kafka.OffsetCommits;
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
 * The offsets a trainer has read, and the records it sent to the dead-letter topic; a commit waits until every
 * dead letter sent so far is acknowledged, so a skipped record is never committed before it is kept elsewhere.
 */
final class ConsumedOffsets {

    private final DeadLetters deadLetters;
    private final String deadLetterTopic;
    private final Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
    private final List<Future<RecordMetadata>> pendingLetters = new ArrayList<>();
    private long deadLettered;

    ConsumedOffsets(DeadLetters deadLetters, String deadLetterTopic) {
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Notes {@code record} as consumed: a commit covers it from now on. */
    void read(ConsumerRecord<?, ?> record) {
        consumed.put(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
    }

    /** Sends a record that was read but cannot be used to the dead-letter topic. */
    void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
        deadLettered++;
        pendingLetters.add(deadLetters.send(record, record.key(), reason, detail));
    }

    /** Records sent to the dead-letter topic so far. */
    long deadLettered() {
        return deadLettered;
    }

    /** Commits what was consumed, once every dead letter sent for it is acknowledged. */
    void commit(Consumer<?, ?> consumer) {
        awaitLetters();
        OffsetCommits.commit(consumer, Map.copyOf(consumed), "those windows will be read again");
    }

    private void awaitLetters() {
        for (Future<RecordMetadata> letter : pendingLetters) {
            try {
                letter.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending dead letters", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not send a dead letter to " + deadLetterTopic + ": "
                        + e.getMessage(), e);
            }
        }
        pendingLetters.clear();
    }
}
