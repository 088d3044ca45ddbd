package dev.vad.common.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record that could not be processed, kept with its original bytes and why: the value of {@code vad.dlq}.
 *
 * @param sourceTopic        topic the record came from
 * @param sourcePartition    its partition
 * @param sourceOffset       its offset
 * @param sourceTimestampMs  its Kafka timestamp in milliseconds
 * @param key                its key bytes, or null
 * @param value              its value bytes (the first {@code limit} bytes when it was larger than the DLQ allows)
 * @param originalValueBytes size of the original value, larger than {@code value.length} when it was cut
 * @param reason             a short, stable reason code (e.g. {@code decode}, {@code shape_mismatch})
 * @param detail             the error message in full
 * @param service            service that gave up on it ({@code ingest}, {@code trainer}, {@code scorer})
 * @param failedAtMicros     when it failed, microseconds since the epoch
 */
public record DeadLetter(
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        long sourceTimestampMs,
        byte[] key,
        byte[] value,
        long originalValueBytes,
        String reason,
        String detail,
        String service,
        long failedAtMicros) {

    public DeadLetter {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(service, "service");
        if (originalValueBytes < value.length) {
            throw new IllegalArgumentException("original value size " + originalValueBytes
                    + " is smaller than the " + value.length + " bytes kept");
        }
    }

    /** True when only a prefix of the original value was kept. */
    public boolean truncated() {
        return originalValueBytes > value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetter d
                && sourceTopic.equals(d.sourceTopic) && sourcePartition == d.sourcePartition
                && sourceOffset == d.sourceOffset && sourceTimestampMs == d.sourceTimestampMs
                && Arrays.equals(key, d.key) && Arrays.equals(value, d.value)
                && originalValueBytes == d.originalValueBytes && reason.equals(d.reason) && detail.equals(d.detail)
                && service.equals(d.service) && failedAtMicros == d.failedAtMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceTopic, sourcePartition, sourceOffset, reason);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + sourceTopic + "-" + sourcePartition + "@" + sourceOffset + ", " + reason + ": "
                + detail + "]";
    }
}
