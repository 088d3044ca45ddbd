package dev.vad.ingest;

import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.source.SourceUri;

/**
 * How one stream is ingested.
 *
 * @param streamId        stream id, the Kafka key
 * @param source          the source
 * @param realtime        pace a file at its native frame rate (demos) instead of as fast as possible; its frames
 *                        are then stamped with the wall clock, like a camera's
 * @param loop            start a file again at its end (demos); frame indices and timestamps keep increasing
 * @param backoff         waits between reconnection attempts of a live source
 * @param connectAttempts attempts to open a live source at start before giving up (files are opened once)
 * @param maxReconnects   reconnection attempts in a row before a live stream is given up; -1 never gives up
 * @param maxDecodeErrors undecodable frames in a row before a file is given up
 */
public record StreamPlan(String streamId, SourceUri source, boolean realtime, boolean loop, Backoff backoff,
                         int connectAttempts, int maxReconnects, int maxDecodeErrors) {

    /** Live and paced streams carry wall-clock capture times; files read as fast as possible, stream time. */
    public TimestampKind timestampKind() {
        return source.kind().live() || realtime ? TimestampKind.WALL_CLOCK : TimestampKind.STREAM_TIME;
    }
}
