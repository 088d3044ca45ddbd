package dev.vad.ingest;

import dev.vad.ingest.source.SourceUri;

/**
 * How every stream of one ingest instance is read, whatever its source: pacing, looping and how a failing source
 * is ridden out (the fields of {@link StreamPlan} that are not the stream's own).
 */
public record StreamPolicy(boolean realtime, boolean loop, Backoff backoff, int connectAttempts, int maxReconnects,
                           int maxDecodeErrors) {

    /** The plan of one stream read under this policy. */
    public StreamPlan plan(String streamId, SourceUri source) {
        return new StreamPlan(streamId, source, realtime, loop, backoff, connectAttempts, maxReconnects,
                maxDecodeErrors);
    }
}
