package dev.vad.eval;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.FrameSources;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.source.DecodedFrame;
import dev.vad.ingest.source.FfmpegOptions;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.source.SourceUri;
import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;
import dev.vad.ingest.window.Windower;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clip's frames decoded and windowed by ingest's own code (FFmpeg image folder source, scaling inside FFmpeg,
 * the windower), so evaluation sees exactly what the live pipeline would.
 */
final class ClipWindows {

    /** Stream time only orders frames here; UCSD clips are 10 fps. */
    static final double FOLDER_FPS = 10;

    private ClipWindows() {
    }

    /**
     * The clip's windows of {@code frames} frames every {@code stride}, the last one ending on the clip's last frame
     * (so every frame is in a window); frame indices are the clip's, from 0.
     */
    static List<FrameWindow> of(Clip clip, int width, int height, int frames, int stride) {
        FrameGeometry geometry = new FrameGeometry(width, height, PixelFormat.GRAY8, AspectPolicy.STRETCH);
        Windower windower = new Windower(clip.name(), new WindowShape(frames, stride, TailPolicy.FULL), width, height,
                PixelFormat.GRAY8, TimestampKind.STREAM_TIME);
        List<FrameWindow> windows = new ArrayList<>();
        try (FrameSource source = FrameSources.of(SourceUri.parse(clip.folder().toString()), geometry,
                new FfmpegOptions(FOLDER_FPS, Duration.ofSeconds(10), "tcp"), Clock.systemUTC())) {
            source.open();
            long index = 0;
            for (DecodedFrame frame = source.next(); frame != null; frame = source.next()) {
                long at = frame.position() >= 0 ? frame.position() : index;
                windower.add(at, frame.timestampMicros(), frame.pixels()).ifPresent(windows::add);
                index = at + 1;
            }
            windower.finish().ifPresent(windows::add);
        } catch (SourceException e) {
            throw new IllegalStateException("cannot decode clip " + clip.name() + " (" + clip.folder() + "): "
                    + e.getMessage(), e);
        }
        if (windows.isEmpty()) {
            throw new IllegalStateException("clip " + clip.name() + " (" + clip.folder() + ") gave no frames");
        }
        return windows;
    }
}
