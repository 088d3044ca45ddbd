package dev.vad.bench;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.synthetic.SceneSettings;
import dev.vad.ingest.synthetic.SyntheticScene;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows {@code vad bench score} sends: 8-frame 64x64 grey windows of the synthetic scene, and copies of them
 * as the windows of other streams or of a live stream.
 */
final class SceneWindows {

    static final int SIDE = 64;
    static final int FRAMES = 8;

    private SceneWindows() {
    }

    /** The scene's first {@code count} windows, back to back, of stream {@code s} with stream-time timestamps. */
    static List<FrameWindow> render(int count) {
        SyntheticScene scene = new SyntheticScene(SceneSettings.defaults(SIDE, SIDE, 1));
        List<FrameWindow> windows = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            byte[] pixels = new byte[FRAMES * SIDE * SIDE];
            long[] frames = new long[FRAMES];
            for (int f = 0; f < FRAMES; f++) {
                frames[f] = (long) n * FRAMES + f;
                System.arraycopy(scene.render(frames[f]), 0, pixels, f * SIDE * SIDE, SIDE * SIDE);
            }
            windows.add(new FrameWindow("s", n, frames, frames.clone(), TimestampKind.STREAM_TIME, 0, false, SIDE,
                    SIDE, PixelFormat.GRAY8, pixels));
        }
        return windows;
    }

    /** {@code w} as window {@code sequence} of {@code stream}. */
    static FrameWindow copy(FrameWindow w, String stream, long sequence) {
        return new FrameWindow(stream, sequence, w.frameIndices(), w.captureTimesMicros(), w.timestampKind(), 0, false,
                w.width(), w.height(), w.pixelFormat(), w.pixels());
    }

    /** {@code w} as window {@code sequence} of a live 30 fps stream whose last frame was captured now. */
    static FrameWindow live(FrameWindow w, long sequence, long capturedMicros) {
        long[] times = new long[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            times[f] = capturedMicros - (FRAMES - 1 - f) * 1_000_000L / 30;
        }
        return new FrameWindow("live", sequence, w.frameIndices(), times, TimestampKind.WALL_CLOCK, 0, false,
                w.width(), w.height(), w.pixelFormat(), w.pixels());
    }
}
