package dev.vad.ingest;

import dev.vad.common.wire.FrameWindow;

/** Where a stream's windows go: Kafka in the service. {@link #publish} may block to push back on decoding. */
public interface WindowSink {

    void publish(FrameWindow window, IngestMetrics metrics) throws InterruptedException;

    /** Throws if an earlier publish failed for good (so the stream stops instead of losing windows silently). */
    void checkHealthy();

    /** Blocks until every window published so far is acknowledged or failed. */
    void flush();
}
