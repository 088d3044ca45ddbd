package dev.vad.common.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One record of an anomaly episode on {@code vad.events} (JSON, keyed by stream id): an episode is a start, any
 * number of updates and an end, all with the same {@code eventId}.
 *
 * <p>Version 1 has no evidence; version 2 is version 1 plus {@code evidence}, the files the scorer stored of the
 * episode. A record is written as version 2 only when it carries evidence, so a scorer without an evidence
 * directory writes exactly what it wrote before.
 *
 * @param schemaVersion      JSON schema version: {@value #PLAIN_VERSION}, or {@value #EVIDENCE_VERSION} with
 *                           evidence

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
 * @param evidence           the episode's snapshot and clip (version 2), or null
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
        long emittedAtMicros,
        @JsonInclude(JsonInclude.Include.NON_NULL) Evidence evidence) {

    /** Version of a record without evidence. */
    public static final int PLAIN_VERSION = 1;
    /** Version of a record with evidence. */
    public static final int EVIDENCE_VERSION = 2;
    /** The newest version this build reads and writes. */
    public static final int SCHEMA_VERSION = EVIDENCE_VERSION;

    @JsonCreator
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
        if (evidence != null && schemaVersion < EVIDENCE_VERSION) {
            throw new IllegalArgumentException("evidence needs schema version " + EVIDENCE_VERSION + " or later, found "
                    + schemaVersion);
        }
    }

    /** A record without evidence (version {@value #PLAIN_VERSION} when {@code schemaVersion} says so). */
    public AnomalyEvent(int schemaVersion, String eventId, Phase phase, Kind kind, String streamId,
                        long firstFrameIndex, long lastFrameIndex, long firstCaptureMicros, long lastCaptureMicros,
                        double peakScore, long peakFrameIndex, String modelName, long modelVersion,
                        long emittedAtMicros) {
        this(schemaVersion, eventId, phase, kind, streamId, firstFrameIndex, lastFrameIndex, firstCaptureMicros,
                lastCaptureMicros, peakScore, peakFrameIndex, modelName, modelVersion, emittedAtMicros, null);
    }

    /** This record with {@code evidence}, as version {@value #EVIDENCE_VERSION}; itself when there is none. */
    public AnomalyEvent withEvidence(Evidence found) {
        if (found == null || found.isEmpty()) {
            return this;
        }
        return new AnomalyEvent(Math.max(schemaVersion, EVIDENCE_VERSION), eventId, phase, kind, streamId,
                firstFrameIndex, lastFrameIndex, firstCaptureMicros, lastCaptureMicros, peakScore, peakFrameIndex,
                modelName, modelVersion, emittedAtMicros, found);
    }

    /**
     * Files stored of an episode, as paths relative to the scorer's evidence directory ({@code /} separated).
     *
     * @param snapshot the episode's first frame with its error heat map, a JPEG, or null
     * @param clip     the episode from a little before its start to a little after its end, an MP4, or null;
     *                 written once the episode has ended and its post-roll has passed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String snapshot, String clip) {

        /** Whether it names no file. */
        @JsonIgnore
        public boolean isEmpty() {
            return snapshot == null && clip == null;
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
