package dev.vad.common.wire;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} over a wire codec; null stays null (a tombstone). A record that cannot be decoded
 * surfaces from the consumer as a {@code RecordDeserializationException} naming partition and offset.
 */
public final class CodecDeserializer<T> implements Deserializer<T> {

    private final WireCodec<T> codec;

    public CodecDeserializer(WireCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}
