package dev.vad.eval;

import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.FrameSources;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.source.DecodedFrame;
import dev.vad.ingest.source.FfmpegOptions;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.source.SourceUri;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clip's grey frames as ingest's FFmpeg image-folder source decodes them (scaled inside FFmpeg), each with its
 * place in the clip and its stream time, under the name of the stream they are windowed as.
 *
 * @param stream the stream id its windows carry
 * @param frames the decoded frames, in order; each position is the frame's index in the clip
 */
record ClipFrames(String stream, List<DecodedFrame> frames) {

    ClipFrames {
        frames = List.copyOf(frames);
    }

    /** Decodes every frame of {@code clip} at {@code width} x {@code height} grey. */
    static ClipFrames decode(Clip clip, int width, int height) {
        FrameGeometry geometry = new FrameGeometry(width, height, PixelFormat.GRAY8, AspectPolicy.STRETCH);
        List<DecodedFrame> frames = new ArrayList<>();
        try (FrameSource source = FrameSources.of(SourceUri.parse(clip.folder().toString()), geometry,
                new FfmpegOptions(Clip.FOLDER_FPS, Duration.ofSeconds(10), "tcp"), Clock.systemUTC())) {
            source.open();
            long index = 0;
            for (DecodedFrame frame = source.next(); frame != null; frame = source.next()) {
                long at = frame.position() >= 0 ? frame.position() : index;
                frames.add(new DecodedFrame(frame.pixels().clone(), frame.timestampMicros(), at));
                index = at + 1;
            }
        } catch (SourceException e) {
            throw new IllegalStateException("cannot decode clip " + clip.name() + " (" + clip.folder() + "): "
                    + e.getMessage(), e);
        }
        if (frames.isEmpty()) {
            throw new IllegalStateException("clip " + clip.name() + " (" + clip.folder() + ") gave no frames");
        }
        return new ClipFrames(clip.name(), frames);
    }

    /** The frames' pixels, in order. */
    List<byte[]> pixels() {
        return frames.stream().map(DecodedFrame::pixels).toList();
    }

    /** Other pixels at the same places and times, one array per frame, as the stream {@code name}. */
    ClipFrames withPixels(String name, List<byte[]> pixels) {
        if (pixels.size() != frames.size()) {
            throw new IllegalArgumentException("stream " + name + ": " + pixels.size() + " frames of pixels for "
                    + frames.size() + " decoded frames of " + stream);
        }
        List<DecodedFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = frames.get(i);
            out.add(new DecodedFrame(pixels.get(i), frame.timestampMicros(), frame.position()));
        }
        return new ClipFrames(name, out);
    }
}
