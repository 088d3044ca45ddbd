package dev.vad.ingest.window;

/** What happens to frames after the last full window when a finite source ends. */
public enum TailPolicy {
    /** Publish one more window of the last T frames (overlapping the previous one), so every frame is covered by a
     * window of the model's shape; a source shorter than T gives one window of all its frames. */
    FULL,
    /** Publish the uncovered frames alone, as a shorter window. */
    PARTIAL,
    /** Publish nothing more; the uncovered frames are counted as dropped. */
    DROP
}
