package dev.vad.core.score;

import dev.vad.common.wire.FrameWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of one stream a predicting model needs before the next window: the last context frames of the
 * stream's previous window, and the last frame scored. With them, every frame of a stream after its first context
 * frames is predicted exactly once, whatever the windows' stride: a window that starts where the previous one ended
 * (or overlaps it) has its new frames predicted from the frames before them, in tiles of the window's length that
 * begin in the kept frames and end with the window itself.
 *
 * <p>A window that does not continue the stream (a gap of lost frames, or frame indices going back, as when a
 * source restarts) starts afresh: its first context frames are context only, as for a stream's first window. Pure;
 * not thread-safe.
 */
final class FrameContext {

    private long[] indices = new long[0];
    private long[] captureTimes = new long[0];
    private byte[][] frames = new byte[0][];
    private long lastScored = Long.MIN_VALUE;

    /**
     * One network input of a window's plan: {@code window} is {@code offset} frames ahead of the window scored
     * (negative: it starts in the kept frames; 0: the window itself).
     */
    record Tile(FrameWindow window, int offset) {
    }

    /**
     * How to score a window: the tiles to predict, in order, and the window's frames they score, from
     * {@code scoredFrom} to its last (each from the last tile that predicts it: tile {@code t} scores the window's
     * frames from {@code max(scoredFrom, offset + context)} up to the next tile's first).
     */
    record Plan(List<Tile> tiles, int scoredFrom) {
    }

    /**
     * Plans window {@code w} for a model predicting each frame from the {@code context} frames before it (0: an
     * autoencoder, which scores every frame of every window) and keeps the window's last frames for the next.
     */
    Plan plan(FrameWindow w, int context) {
        if (context == 0) {
            return new Plan(List.of(new Tile(w, 0)), 0);
        }
        int length = w.frameCount();
        boolean continues = indices.length > 0 && w.lastFrameIndex() > lastScored
                && w.firstFrameIndex() <= indices[indices.length - 1] + 1 && consecutive(w);
        int kept = continues ? keptBefore(w.firstFrameIndex()) : 0;
        int firstNew = continues ? firstAfter(w, lastScored) : 0;
        int scoredFrom = Math.min(length, Math.max(firstNew, context - kept));
        List<Tile> tiles = new ArrayList<>();
        int predicted = length - context;
        for (int offset = scoredFrom - context; offset < 0; offset += predicted) {
            tiles.add(new Tile(tile(w, offset, kept), offset));
        }
        tiles.add(new Tile(w, 0));
        keep(w, context);
        return new Plan(tiles, scoredFrom);
    }

    /** Kept frames just before {@code first}, ending at {@code first - 1}. */
    private int keptBefore(long first) {
        int n = 0;
        for (long index : indices) {
            if (index < first) {
                n++;
            }
        }
        return n;
    }

    private static int firstAfter(FrameWindow w, long frame) {
        int at = 0;
        while (at < w.frameCount() && w.frameIndices()[at] <= frame) {
            at++;
        }
        return at;
    }

    private static boolean consecutive(FrameWindow w) {
        long[] at = w.frameIndices();
        for (int i = 1; i < at.length; i++) {
            if (at[i] != at[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    /** The window's length of frames starting {@code offset} (negative) frames before {@code w}'s first. */
    private FrameWindow tile(FrameWindow w, int offset, int kept) {
        int length = w.frameCount();
        int bytes = w.frameBytes();
        long[] tileIndices = new long[length];
        long[] tileTimes = new long[length];
        byte[] pixels = new byte[length * bytes];
        int fromKept = -offset;
        int keptStart = kept - fromKept;
        for (int f = 0; f < fromKept; f++) {
            tileIndices[f] = indices[keptStart + f];
            tileTimes[f] = captureTimes[keptStart + f];
            System.arraycopy(frames[keptStart + f], 0, pixels, f * bytes, bytes);
        }
        int fromWindow = length - fromKept;
        System.arraycopy(w.frameIndices(), 0, tileIndices, fromKept, fromWindow);
        System.arraycopy(w.captureTimesMicros(), 0, tileTimes, fromKept, fromWindow);
        System.arraycopy(w.pixels(), 0, pixels, fromKept * bytes, fromWindow * bytes);
        return new FrameWindow(w.streamId(), w.sequence(), tileIndices, tileTimes, w.timestampKind(), 0, false,
                w.width(), w.height(), w.pixelFormat(), pixels);
    }

    private void keep(FrameWindow w, int context) {
        int length = w.frameCount();
        int n = consecutive(w) ? Math.min(context, length) : 0;
        int bytes = w.frameBytes();
        indices = Arrays.copyOfRange(w.frameIndices(), length - n, length);
        captureTimes = Arrays.copyOfRange(w.captureTimesMicros(), length - n, length);
        frames = new byte[n][];
        for (int f = 0; f < n; f++) {
            frames[f] = Arrays.copyOfRange(w.pixels(), (length - n + f) * bytes, (length - n + f + 1) * bytes);
        }
        lastScored = w.lastFrameIndex();
    }
}
