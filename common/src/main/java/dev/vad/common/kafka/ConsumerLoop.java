package dev.vad.common.kafka;

import dev.vad.common.wire.WireFormatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The loop every consuming mode of a service runs: poll; decode each record, or send it to the dead-letter topic
 * (counted and logged once by {@link DeadLetters}) and skip it; hand the decoded ones to the {@link Mode}; commit
 * what was read only after everything sent for it (outputs, dead letters) is acknowledged; report the lag. In a
 * group ({@link #run}) the mode says when to commit; over a range ({@link #readRange}) nothing is committed.
 * Runs on the caller's thread.
 *
 * @param <T> what a record's value decodes to
 */
public final class ConsumerLoop<T> {

    /** How long a poll waits for records unless the mode says otherwise. */
    public static final Duration POLL = Duration.ofMillis(100);

    private final Decoder<T> decoder;
    private final DeadLetters deadLetters;
    private final PendingCommit pending;
    private final LongConsumer lag;
    private long deadLettered;

    /** Reads a record's value; a value it cannot read throws {@link WireFormatException} saying why. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] value);
    }

    /** What a mode does with the records: the part of a service that differs from one mode to another. */
    public interface Mode<T> {

        /** Called before each poll (the moment to swap models); returns how long the poll may wait. */
        default Duration beforePoll() throws InterruptedException {
            return POLL;
        }

        /**
         * Whether the mode takes a poll's records; when not, they are passed over: read and committed without
         * being decoded.
         */
        default boolean takes(int records) {
            return true;
        }

        /** Whether the mode takes another record now; when not, it and the rest of the poll stay unread. */
        default boolean wantsMore() {
            return true;
        }

        /**
         * Takes one decoded record; false when the mode could not finish with it (it was asked to stop), so that
         * it and the rest of the poll stay unread, for whoever reads the partition next.
         */
        boolean take(ConsumerRecord<?, byte[]> record, T value) throws InterruptedException;

        /**
         * Called after each poll once its records are taken (to finish their work and send what it produced);
         * returns whether what was read may be committed now (ignored over a range).
         */
        default boolean polled(boolean hadRecords) throws InterruptedException {
            return hadRecords;
        }
    }

    /**
     * @param service the service, for messages ({@code scorer})
     * @param again   what becomes of records read but not committed, for messages ({@code the windows are scored
     *                again})
     * @param lag     receives the records the consumer is behind after each poll in a group, or null when the
     *                service does not report it
     */
    public ConsumerLoop(Decoder<T> decoder, DeadLetters deadLetters, String service, String again, LongConsumer lag) {
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        this.pending = new PendingCommit(service, again);
        this.lag = lag;
    }

    /**
     * Polls a group member's subscription until {@code stop} says so, committing whenever the mode allows; what
     * was read since the last commit is left for the caller to commit (or not) at the end.
     */
    public <K> void run(Consumer<K, byte[]> consumer, BooleanSupplier stop, Mode<T> mode)
            throws InterruptedException {
        while (!stop.getAsBoolean()) {
            List<ConsumerRecord<K, byte[]>> records = new ArrayList<>();
            consumer.poll(mode.beforePoll()).forEach(records::add);
            hand(records, mode);
            if (mode.polled(!records.isEmpty())) {
                commit(consumer);
            }
            if (lag != null) {
                long behind = 0;
                for (TopicPartition tp : consumer.assignment()) {
                    behind += consumer.currentLag(tp).orElse(0);
                }
                lag.accept(behind);
            }
        }
    }

    /**
     * Reads resolved ranges of {@code topic} outside any group (nothing is committed), waiting after each poll
     * until what it produced is acknowledged.
     *
     * @return true when every range was read to its end, false when {@code stop} ended it first
     */
    public <K> boolean readRange(Consumer<K, byte[]> consumer, String topic, List<TopicRange.PartitionRange> ranges,
                                 BooleanSupplier stop, Mode<T> mode) throws InterruptedException {
        return RangeReader.read(consumer, topic, ranges, stop, records -> {
            hand(records, mode);
            mode.polled(true);
            pending.awaitSends();
        });
    }

    /** Sends a record that was read but cannot be used to the dead-letter topic; the next commit waits for it. */
    public void reject(ConsumerRecord<?, byte[]> record, String reason, String detail) {
        deadLettered++;
        pending.sent(deadLetters.send(record, reason, detail));
    }

    /** Notes an output sent for what was read; the next commit waits until it is acknowledged. */
    public void sent(Future<RecordMetadata> output) {
        pending.sent(output);
    }

    /**
     * Waits until everything sent so far is acknowledged (a mode whose next record must not start before that).
     *
     * @throws IllegalStateException when a send is refused or not acknowledged within a minute
     */
    public void awaitSends() throws InterruptedException {
        pending.awaitSends();
    }

    /**
     * Commits what was read since the last commit once everything sent is acknowledged (a commit a rebalance
     * refuses is logged: the partitions' new owner reads those records again).
     *
     * @throws IllegalStateException when a send is refused or not acknowledged within a minute
     */
    public void commit(Consumer<?, ?> consumer) throws InterruptedException {
        pending.commit(consumer);
    }

    /** Records sent to the dead-letter topic so far. */
    public long deadLettered() {
        return deadLettered;
    }

    private <K> void hand(List<ConsumerRecord<K, byte[]>> records, Mode<T> mode) throws InterruptedException {
        if (!records.isEmpty() && !mode.takes(records.size())) {
            records.forEach(pending::read);
            return;
        }
        for (ConsumerRecord<K, byte[]> record : records) {
            if (!mode.wantsMore()) {
                return;
            }
            T value;
            try {
                value = decoder.decode(record.value() == null ? new byte[0] : record.value());
            } catch (WireFormatException e) {
                reject(record, "decode", e.getMessage());
                pending.read(record);
                continue;
            }
            if (!mode.take(record, value)) {
                return;
            }
            pending.read(record);
        }
    }
}
