package dev.vad.common.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a frame window's capture timestamps are measured against. */
public enum TimestampKind {
    /** Microseconds since the Unix epoch, read from the wall clock when the frame was captured (live sources). */
    @JsonProperty("wall_clock") WALL_CLOCK(0),
    /** Microseconds since the start of the stream, from the container's presentation timestamps (files, folders). */
    @JsonProperty("stream_time") STREAM_TIME(1);

    private final int wireId;

    TimestampKind(int wireId) {
        this.wireId = wireId;
    }

    public int wireId() {
        return wireId;
    }

    public static TimestampKind fromWireId(int id) {
        for (TimestampKind kind : values()) {
            if (kind.wireId == id) {
                return kind;
            }
        }
        throw new WireFormatException("unknown timestamp kind " + id + ", expected 0 (wall clock) or 1 (stream time)");
    }
}
