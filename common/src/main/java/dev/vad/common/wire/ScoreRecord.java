package dev.vad.common.wire;

import java.util.List;
import java.util.Objects;

/**
 * The scores of one window: the value of {@code vad.scores} (JSON, keyed by stream id).
 *
 * @param schemaVersion   JSON schema version, {@value #SCHEMA_VERSION} for this build
 * @param streamId        stream of the window
 * @param sequence        window sequence number
 * @param modelName       model that scored the window
 * @param modelVersion    exact version of that model
 * @param timestampKind   what the frames' capture times are measured against
 * @param frames          per-frame scores, in frame order
 * @param windowScore     raw score of the whole window
 * @param calibratedScore calibrated score of the whole window
 * @param threshold       calibrated threshold in force when the window was scored
 * @param state           the scorer's conclusion
 * @param scoredAtMicros  when the score was computed, microseconds since the epoch
 */
public record ScoreRecord(
        int schemaVersion,
        String streamId,
        long sequence,
        String modelName,
        long modelVersion,
        TimestampKind timestampKind,
        List<FrameScore> frames,
        double windowScore,
        double calibratedScore,
        double threshold,
        ScoreState state,
        long scoredAtMicros) {

    public static final int SCHEMA_VERSION = 1;

    public ScoreRecord {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(timestampKind, "timestampKind");
        Objects.requireNonNull(state, "state");
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    }
}
