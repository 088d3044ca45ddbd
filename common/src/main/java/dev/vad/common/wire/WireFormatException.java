package dev.vad.common.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A message that cannot be encoded or decoded: wrong magic, unknown version, truncated, oversized or inconsistent.
 * The message always says what was expected and what was found.
 */
public class WireFormatException extends SerializationException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
