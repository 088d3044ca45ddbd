package dev.vad.common.wire;

import org.apache.kafka.common.serialization.Serializer;

/** A Kafka {@link Serializer} over a wire codec; null stays null (a tombstone). */
public final class CodecSerializer<T> implements Serializer<T> {

    private final WireCodec<T> codec;

    public CodecSerializer(WireCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        return value == null ? null : codec.encode(value);
    }
}
