package dev.vad.eval;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.source.DecodedFrame;
import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;
import dev.vad.ingest.window.Windower;
import java.util.ArrayList;
import java.util.List;

/**
 * A clip's frames windowed by ingest's own windower, as decoded by {@link ClipFrames}, so evaluation sees exactly
 * what the live pipeline would.
 */
final class ClipWindows {

    private ClipWindows() {
    }

    /** The windows of {@code clip} decoded at {@code width} x {@code height} (see the other {@code of}). */
    static List<FrameWindow> of(Clip clip, int width, int height, int frames, int stride) {
        return of(ClipFrames.decode(clip, width, height), width, height, frames, stride);
    }

    /**
     * The windows of {@code frames} frames every {@code stride}, the last one ending on the clip's last frame (so
     * every frame is in a window); frame indices are the clip's, from 0.
     */
    static List<FrameWindow> of(ClipFrames clip, int width, int height, int frames, int stride) {
        Windower windower = new Windower(clip.stream(), new WindowShape(frames, stride, TailPolicy.FULL), width,
                height, PixelFormat.GRAY8, TimestampKind.STREAM_TIME);
        List<FrameWindow> windows = new ArrayList<>();
        for (DecodedFrame frame : clip.frames()) {
            windower.add(frame.position(), frame.timestampMicros(), frame.pixels()).ifPresent(windows::add);
        }
        windower.finish().ifPresent(windows::add);
        if (windows.isEmpty()) {
            throw new IllegalStateException("stream " + clip.stream() + " gave no windows");
        }
        return windows;
    }
}
