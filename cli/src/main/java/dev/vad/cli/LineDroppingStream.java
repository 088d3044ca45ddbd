package dev.vad.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes output through line by line, dropping lines that start with a given prefix. ND4J 1.0.0-M2.1's SameDiff
 * prints "Added differentiated op ..." to standard output for every op whenever a training graph is built; the
 * command line's standard output is for its own lines, so {@link Main} routes it through this.
 */
final class LineDroppingStream extends OutputStream {

    private final OutputStream delegate;
    private final byte[] prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    LineDroppingStream(OutputStream delegate, String prefix) {
        this.delegate = delegate;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || b == '\r') {
            release();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Writes out a partial line (a prompt, a progress bar) unless it may still become a dropped line. */
    @Override
    public synchronized void flush() throws IOException {
        if (!mayStartWithPrefix()) {
            line.writeTo(delegate);
            line.reset();
        }
        delegate.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        line.writeTo(delegate);
        line.reset();
        delegate.close();
    }

    private void release() throws IOException {
        if (!startsWithPrefix()) {
            line.writeTo(delegate);
        }
        line.reset();
    }

    private boolean startsWithPrefix() {
        byte[] pending = line.toByteArray();
        return pending.length >= prefix.length && startsWith(pending, prefix.length);
    }

    private boolean mayStartWithPrefix() {
        byte[] pending = line.toByteArray();
        return startsWith(pending, Math.min(pending.length, prefix.length));
    }

    private boolean startsWith(byte[] pending, int length) {
        for (int i = 0; i < length; i++) {
            if (pending[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
