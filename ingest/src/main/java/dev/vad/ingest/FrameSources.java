package dev.vad.ingest;

import dev.vad.ingest.source.FfmpegOptions;
import dev.vad.ingest.source.FfmpegSource;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SourceKind;
import dev.vad.ingest.source.SourceUri;
import dev.vad.ingest.source.SyntheticSource;
import java.time.Clock;

/** Picks the decoder of a source: FFmpeg for files, folders, streams and cameras; the built-in scene otherwise. */
public final class FrameSources {

    private FrameSources() {
    }

    public static FrameSource of(SourceUri uri, FrameGeometry geometry, FfmpegOptions ffmpeg, Clock clock) {
        return uri.kind() == SourceKind.SYNTHETIC
                ? SyntheticSource.of(uri, geometry)
                : new FfmpegSource(uri, geometry, ffmpeg, clock);
    }
}
