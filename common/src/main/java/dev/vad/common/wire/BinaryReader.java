package dev.vad.common.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Bounds-checked big-endian reads over one encoded record; every failure names the field and the offset. */
final class BinaryReader {

    private final ByteBuffer buffer;
    private final String messageType;

    /** Refuses empty and oversized input before anything else is read. */
    BinaryReader(byte[] bytes, String messageType, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new WireFormatException("empty " + messageType + " record: expected at least a magic and a version");
        }
        if (bytes.length > maxBytes) {
            throw new WireFormatException(messageType + " record of " + bytes.length
                    + " bytes is larger than the cap of " + maxBytes + " bytes");
        }
        this.buffer = ByteBuffer.wrap(bytes);
        this.messageType = messageType;
    }

    /** Checks the four magic bytes and returns the version byte that follows. */
    int header(byte[] magic, int highestKnownVersion) {
        require(magic.length + 1, "magic and version");
        byte[] found = new byte[magic.length];
        buffer.get(found);
        if (!java.util.Arrays.equals(found, magic)) {
            throw new WireFormatException("not a " + messageType + " record: expected magic "
                    + printable(magic) + ", found " + printable(found));
        }
        int version = Byte.toUnsignedInt(buffer.get());
        if (version < 1 || version > highestKnownVersion) {
            throw new WireFormatException("unknown " + messageType + " version " + version
                    + ", this build reads up to " + highestKnownVersion);
        }
        return version;
    }

    int u8(String field) {
        require(1, field);
        return Byte.toUnsignedInt(buffer.get());
    }

    int i32(String field) {
        require(4, field);
        return buffer.getInt();
    }

    long i64(String field) {
        require(8, field);
        return buffer.getLong();
    }

    float f32(String field) {
        require(4, field);
        return buffer.getFloat();
    }

    /** A length-prefixed UTF-8 string, at most {@code maxBytes} long. */
    String text(String field, int maxBytes) {
        int length = i32(field + " length");
        if (length < 0 || length > maxBytes) {
            throw new WireFormatException(messageType + " field " + field + " claims " + length
                    + " bytes, expected 0.." + maxBytes);
        }
        return new String(bytes(length, field), StandardCharsets.UTF_8);
    }

    /** A length-prefixed byte array, at most {@code maxBytes} long. */
    byte[] blob(String field, long maxBytes) {
        int length = i32(field + " length");
        if (length < 0 || length > maxBytes) {
            throw new WireFormatException(messageType + " field " + field + " claims " + length
                    + " bytes, expected 0.." + maxBytes);
        }
        return bytes(length, field);
    }

    byte[] bytes(int length, String field) {
        require(length, field);
        byte[] out = new byte[length];
        buffer.get(out);
        return out;
    }

    long[] longs(int count, String field) {
        require(8L * count, field);
        long[] out = new long[count];
        buffer.asLongBuffer().get(out);
        buffer.position(buffer.position() + 8 * count);
        return out;
    }

    float[] floats(int count, String field) {
        require(4L * count, field);
        float[] out = new float[count];
        buffer.asFloatBuffer().get(out);
        buffer.position(buffer.position() + 4 * count);
        return out;
    }

    /** Fails if bytes remain: a record with trailing garbage is as suspect as a truncated one. */
    void end() {
        if (buffer.hasRemaining()) {
            throw new WireFormatException(messageType + " record has " + buffer.remaining()
                    + " unexpected trailing bytes after offset " + buffer.position());
        }
    }

    private void require(long count, String field) {
        if (count > buffer.remaining()) {
            throw new WireFormatException("truncated " + messageType + " record: expected " + count
                    + " bytes for " + field + " at offset " + buffer.position() + ", found " + buffer.remaining());
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder("'");
        for (byte b : bytes) {
            out.append(b >= 0x20 && b < 0x7f ? Character.toString(b) : String.format("\\x%02x", b & 0xff));
        }
        return out.append('\'').toString();
    }
}
