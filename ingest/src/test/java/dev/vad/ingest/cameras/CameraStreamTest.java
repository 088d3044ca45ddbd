package dev.vad.ingest.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.MaskPoint;
import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ingest reads for a camera of the registry, and what keeps it from reading one (issue 24). */
class CameraStreamTest {

    private static final CameraFollowing NO_OVERLAP = new CameraFollowing("vad-ingest", null, TailPolicy.FULL);

    private static Camera camera(String source, int width, Double threshold, boolean masked) {
        return new Camera(1, "gate", source, width, 48, CameraColour.RGB, 5.0, 8, null, threshold,
                masked ? List.of(List.of(new MaskPoint(0, 0), new MaskPoint(1, 0), new MaskPoint(1, 1)))
                        : List.of(), true);
    }

    @Test
    void aCameraIsReadAtItsOwnSizeColourRateAndWindow() {
        CameraStream stream = CameraStream.of(camera("synthetic:?seed=3", 96, null, false), AspectPolicy.LETTERBOX,
                NO_OVERLAP);

        assertThat(stream.cameraId()).isEqualTo("gate");
        assertThat(stream.geometry().width()).isEqualTo(96);
        assertThat(stream.geometry().height()).isEqualTo(48);
        assertThat(stream.geometry().pixelFormat()).isEqualTo(PixelFormat.RGB24);
        assertThat(stream.geometry().aspect()).isEqualTo(AspectPolicy.LETTERBOX);
        assertThat(stream.shape()).isEqualTo(new WindowShape(8, 8, TailPolicy.FULL));
        assertThat(stream.fps()).isEqualTo(5.0);
    }

    @Test
    void aStrideGivenToIngestOverlapsEveryCamerasWindowsUpToItsLength() {
        CameraFollowing overlapping = new CameraFollowing("vad-ingest", 6, TailPolicy.FULL);
        assertThat(overlapping.shape(8)).isEqualTo(new WindowShape(8, 6, TailPolicy.FULL));
        assertThat(overlapping.shape(4)).isEqualTo(new WindowShape(4, 4, TailPolicy.FULL));
    }

    @Test
    void changesIngestDoesNotUseLeaveTheStreamEqualSoNothingRestarts() {
        assertThat(CameraStream.of(camera("synthetic:", 96, 4.5, true), AspectPolicy.LETTERBOX, NO_OVERLAP))
                .isEqualTo(CameraStream.of(camera("synthetic:", 96, null, false), AspectPolicy.LETTERBOX, NO_OVERLAP))
                .isNotEqualTo(CameraStream.of(camera("synthetic:", 64, null, false), AspectPolicy.LETTERBOX, NO_OVERLAP));
    }

    @Test
    void aSourceIngestCannotReadIsAProblemShownWithoutItsPassword() {
        assertThat(CameraStream.problems(camera("gopher://u:hunter2@host/x", 96, null, false)))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("camera gate: source");
                    assertThat(p.found()).contains("gopher://u:***@host/x").doesNotContain("hunter2");
                });
        assertThat(CameraStream.problems(camera("synthetic:?bogus=1", 96, null, false))).hasSize(1);
        assertThat(CameraStream.problems(camera("synthetic:?seed=3", 96, null, false))).isEmpty();
        assertThat(CameraStream.of(camera("rtsp://u:hunter2@cam/1", 96, null, false), AspectPolicy.LETTERBOX,
                NO_OVERLAP).toString()).contains("rtsp://u:***@cam/1").doesNotContain("hunter2");
    }
}
