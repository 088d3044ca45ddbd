package dev.vad.common.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One record of an anomaly episode on {@code vad.events} (JSON, keyed by stream id): an episode is a start, any
 * number of updates and an end, all with the same {@code eventId}.
 *
 * @param schemaVersion      JSON schema version, {@value #SCHEMA_VERSION} for this build
 * @param eventId            id shared by every record of one episode
 * @param phase              start, update or end
 * @param kind               an anomaly, or a scene change reported apart from anomalies
 * @param streamId           stream of the episode
 * @param firstFrameIndex    first frame of the episode
 * @param lastFrameIndex     last frame of the episode so far
 * @param firstCaptureMicros capture time of the first frame
 * @param lastCaptureMicros  capture time of the last frame so far
 * @param peakScore          highest calibrated score so far
 * @param peakFrameIndex     frame with the highest score
 * @param modelName          model that scored the frames
 * @param modelVersion       version of that model
 * @param emittedAtMicros    when this record was emitted, microseconds since the epoch
 */
public record AnomalyEvent(
        int schemaVersion,
        String eventId,
        Phase phase,
        Kind kind,
        String streamId,
        long firstFrameIndex,
        long lastFrameIndex,
        long firstCaptureMicros,
        long lastCaptureMicros,
        double peakScore,
        long peakFrameIndex,
        String modelName,
        long modelVersion,
        long emittedAtMicros) {

    public static final int SCHEMA_VERSION = 1;

    public AnomalyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(modelName, "modelName");
        if (lastFrameIndex < firstFrameIndex) {
            throw new IllegalArgumentException("an episode ends at or after its first frame, found "
                    + firstFrameIndex + ".." + lastFrameIndex);
        }
    }

    /** Where in its episode a record stands. */
    public enum Phase {
        @JsonProperty("start") START,
        @JsonProperty("update") UPDATE,
        @JsonProperty("end") END
    }

    /** What kind of episode it is. */
    public enum Kind {
        @JsonProperty("anomaly") ANOMALY,
        @JsonProperty("scene_change") SCENE_CHANGE
    }
}
