package dev.vad.common.wire;

/**
 * Encodes one wire message type to bytes and back. Every encoding starts with a magic and a version
 * (binary codecs) or a schema version field (JSON codecs); decoders refuse versions newer than they know.
 */
public interface WireCodec<T> {

    byte[] encode(T value);

    /** Decodes one record, or throws {@link WireFormatException} saying what was expected and what was found. */
    T decode(byte[] bytes);
}
