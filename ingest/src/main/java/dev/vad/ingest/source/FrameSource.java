package dev.vad.ingest.source;

/** Decoded frames from one source, at the configured size and pixel format. */
public interface FrameSource extends AutoCloseable {

    /** Opens the source; a failure says what could not be opened and why. */
    void open() throws SourceException;

    /** The next frame, or null at the end of a finite source. */
    DecodedFrame next() throws SourceException;

    /** The source's nominal frame rate in frames per second (for pacing and gap estimates). */
    double frameRate();

    @Override
    void close();
}
