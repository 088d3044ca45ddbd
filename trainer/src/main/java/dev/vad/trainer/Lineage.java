package dev.vad.trainer;

import dev.vad.common.wire.OffsetRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offset ranges a model learned from: per partition of the frames topic, from the first record consumed to the
 * one after the last, joined with the ranges of the model it continued from. Pure.
 */
public final class Lineage {

    private final String topic;
    private final List<OffsetRange> inherited;
    private final Map<Integer, long[]> own = new TreeMap<>();

    private Lineage(String topic, List<OffsetRange> inherited) {
        this.topic = topic;
        this.inherited = List.copyOf(inherited);
    }

    /** A lineage starting from nothing. */
    public static Lineage fresh(String topic) {
        return new Lineage(topic, List.of());
    }

    /** A lineage that continues a parent model's. */
    public static Lineage continuing(String topic, List<OffsetRange> parent) {
        return new Lineage(topic, parent);
    }

    /** Notes that the record at {@code offset} of {@code partition} was learned from. */
    public void record(int partition, long offset) {
        long[] range = own.get(partition);
        if (range == null) {
            own.put(partition, new long[] {offset, offset + 1});
        } else {
            range[0] = Math.min(range[0], offset);
            range[1] = Math.max(range[1], offset + 1);
        }
    }

    /** Sets the range of a partition outright (a replayed range is learned from as a whole). */
    public void cover(int partition, long fromOffset, long toOffset) {
        own.put(partition, new long[] {fromOffset, toOffset});
    }

    /** True when nothing has been recorded in this run. */
    public boolean isEmpty() {
        return own.isEmpty();
    }

    /** Inherited and own ranges, by topic and partition, overlapping or touching ranges joined. */
    public List<OffsetRange> ranges() {
        List<OffsetRange> all = new ArrayList<>(inherited);
        own.forEach((partition, r) -> all.add(new OffsetRange(topic, partition, r[0], r[1])));
        all.sort(Comparator.comparing(OffsetRange::topic).thenComparingInt(OffsetRange::partition)
                .thenComparingLong(OffsetRange::fromOffset));
        List<OffsetRange> joined = new ArrayList<>();
        for (OffsetRange r : all) {
            OffsetRange last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.topic().equals(r.topic()) && last.partition() == r.partition()
                    && r.fromOffset() <= last.toOffset()) {
                joined.set(joined.size() - 1, new OffsetRange(r.topic(), r.partition(), last.fromOffset(),
                        Math.max(last.toOffset(), r.toOffset())));
            } else {
                joined.add(r);
            }
        }
        return joined;
    }
}
