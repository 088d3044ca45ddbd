package dev.vad.common.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the scorer concluded about a window. */
public enum ScoreState {
    /** Calibration has not seen enough of this stream yet; scores are published but not judged. */
    @JsonProperty("warming_up") WARMING_UP,
    /** Below the threshold. */
    @JsonProperty("normal") NORMAL,
    /** Above the threshold. */
    @JsonProperty("anomalous") ANOMALOUS,
    /** A sudden global change of the scene (lighting, camera moved or covered), reported apart from anomalies. */
    @JsonProperty("scene_change") SCENE_CHANGE
}
