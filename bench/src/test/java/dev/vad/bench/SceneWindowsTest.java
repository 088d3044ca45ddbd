package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.synthetic.SceneSettings;
import dev.vad.ingest.synthetic.SyntheticScene;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneWindowsTest {

    @Test
    void renderGivesTheScenesWindowsBackToBackInStreamTime() {
        List<FrameWindow> windows = SceneWindows.render(3);
        SyntheticScene scene = new SyntheticScene(SceneSettings.defaults(64, 64, 1));

        assertThat(windows).extracting(FrameWindow::sequence).containsExactly(0L, 1L, 2L);
        FrameWindow second = windows.get(1);
        assertThat(second.streamId()).isEqualTo("s");
        assertThat(second.frameIndices()).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(second.captureTimesMicros()).containsExactly(second.frameIndices());
        assertThat(second.timestampKind()).isEqualTo(TimestampKind.STREAM_TIME);
        assertThat(second.width()).isEqualTo(64);
        assertThat(second.height()).isEqualTo(64);
        assertThat(second.pixelFormat()).isEqualTo(PixelFormat.GRAY8);
        assertThat(Arrays.copyOfRange(second.pixels(), 3 * 64 * 64, 4 * 64 * 64)).isEqualTo(scene.render(11));
    }

    @Test
    void aCopyIsTheSameWindowOfAnotherStream() {
        FrameWindow w = SceneWindows.render(1).get(0);

        FrameWindow copy = SceneWindows.copy(w, "cam-3", 7);

        assertThat(copy.streamId()).isEqualTo("cam-3");
        assertThat(copy.sequence()).isEqualTo(7);
        assertThat(copy.frameIndices()).isEqualTo(w.frameIndices());
        assertThat(copy.captureTimesMicros()).isEqualTo(w.captureTimesMicros());
        assertThat(copy.pixels()).isEqualTo(w.pixels());
    }

    @Test
    void aLiveWindowEndsAtItsCaptureTimeWithFramesAThirtiethOfASecondApart() {
        FrameWindow w = SceneWindows.render(1).get(0);

        FrameWindow live = SceneWindows.live(w, 5, 10_000_000L);

        assertThat(live.streamId()).isEqualTo("live");
        assertThat(live.sequence()).isEqualTo(5);
        assertThat(live.timestampKind()).isEqualTo(TimestampKind.WALL_CLOCK);
        assertThat(live.captureTimesMicros()).containsExactly(9_766_667L, 9_800_000L, 9_833_334L, 9_866_667L,
                9_900_000L, 9_933_334L, 9_966_667L, 10_000_000L);
        assertThat(live.pixels()).isEqualTo(w.pixels());
    }
}
