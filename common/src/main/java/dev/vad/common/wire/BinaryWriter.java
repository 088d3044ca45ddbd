package dev.vad.common.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Big-endian writes into a buffer sized up front by the codec, so encoding never copies the pixels twice. */
final class BinaryWriter {

    private final ByteBuffer buffer;

    BinaryWriter(long capacity, String messageType, long maxBytes) {
        if (capacity > maxBytes) {
            throw new WireFormatException(messageType + " record would be " + capacity
                    + " bytes, more than the cap of " + maxBytes);
        }
        this.buffer = ByteBuffer.allocate((int) capacity);
    }

    /** Bytes a length-prefixed string takes. */
    static int textSize(String value) {
        return 4 + value.getBytes(StandardCharsets.UTF_8).length;
    }

    BinaryWriter header(byte[] magic, int version) {
        buffer.put(magic).put((byte) version);
        return this;
    }

    BinaryWriter u8(int value) {
        buffer.put((byte) value);
        return this;
    }

    BinaryWriter i32(int value) {
        buffer.putInt(value);
        return this;
    }

    BinaryWriter i64(long value) {
        buffer.putLong(value);
        return this;
    }

    BinaryWriter f32(float value) {
        buffer.putFloat(value);
        return this;
    }

    BinaryWriter text(String value) {
        return blob(value.getBytes(StandardCharsets.UTF_8));
    }

    BinaryWriter blob(byte[] value) {
        buffer.putInt(value.length).put(value);
        return this;
    }

    BinaryWriter bytes(byte[] value) {
        buffer.put(value);
        return this;
    }

    BinaryWriter longs(long[] values) {
        buffer.asLongBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
        return this;
    }

    BinaryWriter floats(float[] values) {
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
        return this;
    }

    /** The backing array while it is still being written (for checksums over what was written so far). */
    byte[] toBytesSoFar() {
        return buffer.array();
    }

    byte[] toBytes() {
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("encoder sized the record at " + buffer.capacity()
                    + " bytes but wrote " + buffer.position());
        }
        return buffer.array();
    }
}
