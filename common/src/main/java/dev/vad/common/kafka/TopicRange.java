package dev.vad.common.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A range of a topic to replay, as a user writes it: each end is per-partition offsets ({@code 0:120,1:80}), an
 * ISO-8601 instant ({@code 2026-11-22T09:00:00Z}), {@code earliest} or {@code end}. Resolved against the log into
 * per-partition offset ranges, from inclusive to exclusive.
 *
 * @param from where the range starts
 * @param to   where it ends
 */
public record TopicRange(Bound from, Bound to) {

    /**
     * Parses both ends.
     *
     * @param to the end, or null for the log end
     * @throws IllegalArgumentException saying what was expected
     */
    public static TopicRange parse(String from, String to) {
        return new TopicRange(Bound.parse(from, "--from"), to == null ? new End() : Bound.parse(to, "--to"));
    }

    /**
     * The offsets this range covers now, per partition (only partitions named, when offsets name them).
     *
     * @throws IllegalArgumentException when the range ends before it starts or starts beyond the log end
     */
    public List<PartitionRange> resolve(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            int p = info.partition();
            if (!(from instanceof Offsets o) || o.offsets().containsKey(p)) {
                partitions.add(new TopicPartition(topic, p));
            }
        }
        if (from instanceof Offsets o) {
            o.offsets().keySet().stream().filter(p -> p >= infos.size()).findFirst().ifPresent(p -> {
                throw new IllegalArgumentException("--from names partition " + p + " but " + topic + " has "
                        + infos.size() + " partitions");
            });
        }
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> first = from.offsets(consumer, partitions, start, end, timeout);
        Map<TopicPartition, Long> last = to.offsets(consumer, partitions, start, end, timeout);
        List<PartitionRange> out = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long a = first.get(tp);
            long b = Math.min(last.get(tp), end.get(tp));
            if (a > end.get(tp)) {
                throw new IllegalArgumentException("the range is beyond the log: partition " + tp.partition()
                        + " of " + topic + " would start at offset " + a + " but its log ends at " + end.get(tp));
            }
            if (b < a) {
                throw new IllegalArgumentException("the range ends before it starts: partition " + tp.partition()
                        + " of " + topic + " from offset " + a + " to " + b);
            }
            out.add(new PartitionRange(tp.partition(), Math.max(a, start.get(tp)), Math.max(b, start.get(tp))));
        }
        return out;
    }

    /** One partition's share of a range. */
    public record PartitionRange(int partition, long fromOffset, long toOffset) {

        public long count() {
            return toOffset - fromOffset;
        }
    }

    /** One end of a range. */
    public sealed interface Bound permits Offsets, Timestamp, Earliest, End {

        static Bound parse(String text, String flag) {
            String t = text.trim();
            if (t.equalsIgnoreCase("earliest") || t.equalsIgnoreCase("beginning")) {
                return new Earliest();
            }
            if (t.equalsIgnoreCase("end") || t.equalsIgnoreCase("latest")) {
                return new End();
            }
            if (t.matches("\\d+:\\d+(,\\d+:\\d+)*")) {
                Map<Integer, Long> offsets = new TreeMap<>();
                for (String pair : t.split(",")) {
                    String[] kv = pair.split(":");
                    try {
                        if (offsets.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1])) != null) {
                            throw new IllegalArgumentException(flag + " names partition " + kv[0] + " twice");
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(flag + " '" + text + "' holds a number out of range");
                    }
                }
                return new Offsets(offsets);
            }
            try {
                return new Timestamp(Instant.parse(t));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(flag + " '" + text + "' is neither per-partition offsets"
                        + " (0:120,1:80), an ISO-8601 instant (2026-11-22T09:00:00Z), earliest nor end");
            }
        }

        /** The offset this bound stands for in each partition. */
        Map<TopicPartition, Long> offsets(Consumer<?, ?> consumer, List<TopicPartition> partitions,
                                          Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
                                          Duration timeout);
    }

    /** Per-partition offsets; partitions not named take the log end. */
    public record Offsets(Map<Integer, Long> offsets) implements Bound {

        public Offsets {
            offsets = Map.copyOf(offsets);
        }

        @Override
        public Map<TopicPartition, Long> offsets(Consumer<?, ?> consumer, List<TopicPartition> partitions,
                                                 Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
                                                 Duration timeout) {
            Map<TopicPartition, Long> out = new HashMap<>();
            partitions.forEach(tp -> out.put(tp, offsets.getOrDefault(tp.partition(), end.get(tp))));
            return out;
        }
    }

    /** The first record at or after an instant (Kafka's record timestamps); the log end when there is none. */
    public record Timestamp(Instant instant) implements Bound {

        @Override
        public Map<TopicPartition, Long> offsets(Consumer<?, ?> consumer, List<TopicPartition> partitions,
                                                 Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
                                                 Duration timeout) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, instant.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
            Map<TopicPartition, Long> out = new HashMap<>();
            partitions.forEach(tp -> {
                OffsetAndTimestamp at = found.get(tp);
                out.put(tp, at == null ? end.get(tp) : at.offset());
            });
            return out;
        }
    }

    /** The oldest record still in the log. */
    public record Earliest() implements Bound {

        @Override
        public Map<TopicPartition, Long> offsets(Consumer<?, ?> consumer, List<TopicPartition> partitions,
                                                 Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
                                                 Duration timeout) {
            return start;
        }
    }

    /** The log end when the range is resolved. */
    public record End() implements Bound {

        @Override
        public Map<TopicPartition, Long> offsets(Consumer<?, ?> consumer, List<TopicPartition> partitions,
                                                 Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
                                                 Duration timeout) {
            return end;
        }
    }
}
