package dev.vad.scorer.evidence;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stream's most recent frames, for the pre-roll of a clip: every frame of the windows it is given once (windows
 * that overlap add only their new frames), the oldest dropped once the frames span more than {@code spanMicros} of
 * capture time or hold more than {@code maxBytes}. Frame indices that go back (a source restarted) or a change of
 * frame size start it afresh. Pure; not thread-safe.
 */
final class FrameRing {

    /** One frame: its index, capture time and pixels. */
    record Frame(long index, long captureMicros, byte[] pixels) {
    }

    private final long spanMicros;
    private final long maxBytes;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long bytes;
    private int width;
    private int height;
    private PixelFormat format;

    FrameRing(long spanMicros, long maxBytes) {
        this.spanMicros = spanMicros;
        this.maxBytes = maxBytes;
    }

    /** Keeps the window's frames newer than those kept; returns them, in order. */
    List<Frame> add(FrameWindow w) {
        if (w.width() != width || w.height() != height || w.pixelFormat() != format
                || (!frames.isEmpty() && w.lastFrameIndex() < frames.peekLast().index())) {
            frames.clear();
            bytes = 0;
            width = w.width();
            height = w.height();
            format = w.pixelFormat();
        }
        long newest = frames.isEmpty() ? Long.MIN_VALUE : frames.peekLast().index();
        int size = w.frameBytes();
        List<Frame> added = new ArrayList<>();
        for (int f = 0; f < w.frameCount(); f++) {
            if (w.frameIndices()[f] > newest) {
                Frame frame = new Frame(w.frameIndices()[f], w.captureTimesMicros()[f],
                        Arrays.copyOfRange(w.pixels(), f * size, (f + 1) * size));
                frames.addLast(frame);
                bytes += size;
                added.add(frame);
            }
        }
        trim();
        return added;
    }

    /** The kept frames captured at or after {@code captureMicros}, oldest first. */
    List<Frame> since(long captureMicros) {
        return frames.stream().filter(f -> f.captureMicros() >= captureMicros).toList();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    PixelFormat format() {
        return format;
    }

    /** Bytes of pixels kept. */
    long bytes() {
        return bytes;
    }

    /** Frames per second of the kept frames' capture times; {@code fallback} with fewer than two or no time between. */
    double framesPerSecond(double fallback) {
        if (frames.size() < 2) {
            return fallback;
        }
        long span = frames.peekLast().captureMicros() - frames.peekFirst().captureMicros();
        return span <= 0 ? fallback : (frames.size() - 1) * 1e6 / span;
    }

    private void trim() {
        long newest = frames.peekLast().captureMicros();
        while (frames.size() > 1 && (bytes > maxBytes || newest - frames.peekFirst().captureMicros() > spanMicros)) {
            bytes -= frames.removeFirst().pixels().length;
        }
    }
}
