package dev.vad.common.wire;

/**
 * A range of one partition's offsets, {@code fromOffset} inclusive to {@code toOffset} exclusive: the lineage of
 * what a model was trained on.
 */
public record OffsetRange(String topic, int partition, long fromOffset, long toOffset) {

    public OffsetRange {
        if (topic == null || topic.isEmpty() || partition < 0 || fromOffset < 0 || toOffset < fromOffset) {
            throw new IllegalArgumentException("offset range needs a topic, partition >= 0 and 0 <= from <= to, found "
                    + topic + "-" + partition + " [" + fromOffset + ", " + toOffset + ")");
        }
    }

    public long count() {
        return toOffset - fromOffset;
    }
}
