package dev.vad.common.wire;

import java.nio.charset.StandardCharsets;

/**
 * Binary codec of {@link DeadLetter}, version 1.
 *
 * <pre>
 * magic "VADD" | version u8 = 1
 * source topic (i32 length + UTF-8) | partition i32 | offset i64 | timestamp ms i64
 * key: i32 length (-1 for none) + bytes | value: i32 length + bytes | original value size i64
 * reason, detail, service (each i32 length + UTF-8) | failed at (us) i64
 * </pre>
 */
public final class DeadLetterCodec implements WireCodec<DeadLetter> {

    static final byte[] MAGIC = "VADD".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final String TYPE = "dead letter";
    private static final int NO_KEY = -1;

    private final WireLimits limits;

    public DeadLetterCodec(WireLimits limits) {
        this.limits = limits;
    }

    public DeadLetterCodec() {
        this(WireLimits.DEFAULT);
    }

    @Override
    public byte[] encode(DeadLetter d) {
        int keyBytes = d.key() == null ? 0 : d.key().length;
        long size = 5L + BinaryWriter.textSize(d.sourceTopic()) + 4 + 8 + 8 + 4 + keyBytes + 4 + d.value().length
                + 8 + BinaryWriter.textSize(d.reason()) + BinaryWriter.textSize(d.detail())
                + BinaryWriter.textSize(d.service()) + 8;
        BinaryWriter out = new BinaryWriter(size, TYPE, limits.maxRecordBytes())
                .header(MAGIC, VERSION)
                .text(d.sourceTopic())
                .i32(d.sourcePartition())
                .i64(d.sourceOffset())
                .i64(d.sourceTimestampMs());
        if (d.key() == null) {
            out.i32(NO_KEY);
        } else {
            out.blob(d.key());
        }
        return out.blob(d.value())
                .i64(d.originalValueBytes())
                .text(d.reason())
                .text(d.detail())
                .text(d.service())
                .i64(d.failedAtMicros())
                .toBytes();
    }

    @Override
    public DeadLetter decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, TYPE, limits.maxRecordBytes());
        in.header(MAGIC, VERSION);
        String topic = in.text("source topic", limits.maxTextBytes());
        int partition = in.i32("source partition");
        long offset = in.i64("source offset");
        long timestamp = in.i64("source timestamp");
        int keyLength = in.i32("key length");
        if (keyLength < NO_KEY || keyLength > limits.maxTextBytes()) {
            throw new WireFormatException("dead letter key claims " + keyLength + " bytes, expected -1.."
                    + limits.maxTextBytes());
        }
        byte[] key = keyLength == NO_KEY ? null : in.bytes(keyLength, "key");
        byte[] value = in.blob("value", limits.maxRecordBytes());
        long original = in.i64("original value size");
        String reason = in.text("reason", limits.maxTextBytes());
        String detail = in.text("detail", limits.maxTextBytes());
        String service = in.text("service", limits.maxTextBytes());
        long failedAt = in.i64("failed at");
        in.end();
        try {
            return new DeadLetter(topic, partition, offset, timestamp, key, value, original, reason, detail, service,
                    failedAt);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("inconsistent " + TYPE + " record: " + e.getMessage(), e);
        }
    }
}
