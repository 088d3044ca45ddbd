package dev.vad.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Reads resolved ranges of a topic with an unassigned consumer (outside any group), one poll at a time. */
public final class RangeReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private RangeReader() {
    }

    /** Handles one poll's records, all inside the ranges. */
    @FunctionalInterface
    public interface Handler<K, V> {
        void handle(List<ConsumerRecord<K, V>> records) throws InterruptedException;
    }

    /**
     * Assigns the non-empty ranges, seeks to their starts and hands every record inside them to {@code handler},
     * until each partition reaches its end or {@code stop} says so.
     *
     * @return true when every range was read to its end
     */
    public static <K, V> boolean read(Consumer<K, V> consumer, String topic, List<TopicRange.PartitionRange> ranges,
                                      BooleanSupplier stop, Handler<K, V> handler) throws InterruptedException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicRange.PartitionRange r : ranges) {
            if (r.count() > 0) {
                ends.put(new TopicPartition(topic, r.partition()), r.toOffset());
            }
        }
        consumer.assign(ends.keySet());
        for (TopicRange.PartitionRange r : ranges) {
            if (r.count() > 0) {
                consumer.seek(new TopicPartition(topic, r.partition()), r.fromOffset());
            }
        }
        while (!ends.isEmpty()) {
            if (stop.getAsBoolean()) {
                return false;
            }
            List<ConsumerRecord<K, V>> inRange = new ArrayList<>();
            for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                if (end != null && record.offset() < end) {
                    inRange.add(record);
                }
            }
            if (!inRange.isEmpty()) {
                handler.handle(inRange);
            }
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            consumer.pause(consumer.assignment().stream().filter(tp -> !ends.containsKey(tp)).toList());
        }
        return true;
    }

    /** The ranges as {@code partition:[from,to)}, for messages. */
    public static String describe(List<TopicRange.PartitionRange> ranges) {
        StringBuilder b = new StringBuilder();
        for (TopicRange.PartitionRange r : ranges) {
            b.append(b.isEmpty() ? "" : " ").append(r.partition()).append(":[").append(r.fromOffset()).append(',')
                    .append(r.toOffset()).append(')');
        }
        return b.toString();
    }

    /** Records in the ranges in all. */
    public static long total(List<TopicRange.PartitionRange> ranges) {
        return ranges.stream().mapToLong(TopicRange.PartitionRange::count).sum();
    }
}
