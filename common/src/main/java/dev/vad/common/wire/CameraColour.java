package dev.vad.common.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The colour a camera's frames are converted to. */
public enum CameraColour {
    /** One 8-bit luma channel. */
    @JsonProperty("grey") GREY,
    /** Three 8-bit channels, red, green, blue. */
    @JsonProperty("rgb") RGB
}
