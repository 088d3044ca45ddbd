package dev.vad.ingest.source;

/** A source that cannot be opened or read: the message names the source and the cause in one line. */
public class SourceException extends Exception {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
