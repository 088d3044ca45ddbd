package dev.vad.common.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.MaskPoint;
import dev.vad.common.wire.WireSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a camera record must hold (issue 24), every problem at once. */
class CameraRulesTest {

    @Test
    void theSampleCameraIsValid() {
        assertThat(CameraRules.problems(WireSamples.camera())).isEmpty();
    }

    @Test
    void everyProblemOfABadCameraIsListedByField() {
        Camera bad = new Camera(1, "front door", " ", 4, 5000, CameraColour.GREY, 0.0, 0, "", -1.0,
                List.of(List.of(new MaskPoint(0, 0), new MaskPoint(1.5, 0)),
                        List.of(new MaskPoint(0, 0), new MaskPoint(1, 0), new MaskPoint(1, -0.1))), true);

        assertThat(CameraRules.problems(bad)).extracting(ConfigProblem::key).containsExactly(
                "camera front door: camera_id", "camera front door: source", "camera front door: width",
                "camera front door: height", "camera front door: window_frames", "camera front door: fps",
                "camera front door: threshold", "camera front door: preset", "camera front door: ignore_masks[0]",
                "camera front door: ignore_masks[0]", "camera front door: ignore_masks[1]");
    }

    @Test
    void aProblemWithTheSourceNeverShowsIt() {
        Camera spaced = new Camera(1, "gate", " rtsp://u:secret@h/s", 64, 64, CameraColour.GREY, null, 8, null,
                null, List.of(), true);

        assertThat(CameraRules.problems(spaced)).singleElement().asString().doesNotContain("secret");
    }
}
