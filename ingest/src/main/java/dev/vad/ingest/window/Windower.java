package dev.vad.ingest.window;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import java.util.Optional;

/**
 * Cuts one stream's frames into windows: pure logic over plain arrays, no I/O. Keeps the last T frames in a ring;
 * after the first T frames it emits a window every S frames. Sequence numbers and frame indices continue across
 * gaps; frames lost in a gap are carried by the next window's {@code framesLostBefore}.
 */
public final class Windower {

    private final String streamId;
    private final WindowShape shape;
    private final int width;
    private final int height;
    private final PixelFormat format;
    private final TimestampKind timestampKind;
    private final int frameBytes;
    private final byte[][] ring;
    private final long[] indices;
    private final long[] times;
    private int buffered;
    private int head;
    private int sinceLastWindow;
    private long nextSequence;
    private long lostBefore;
    private int droppedAtEnd;

    public Windower(String streamId, WindowShape shape, int width, int height, PixelFormat format,
                    TimestampKind timestampKind) {
        this.streamId = streamId;
        this.shape = shape;
        this.width = width;
        this.height = height;
        this.format = format;
        this.timestampKind = timestampKind;
        this.frameBytes = width * height * format.channels();
        this.ring = new byte[shape.frames()][frameBytes];
        this.indices = new long[shape.frames()];
        this.times = new long[shape.frames()];
    }

    /** Adds a frame (its pixels are copied) and returns the window it completes, if any. */
    public Optional<FrameWindow> add(long frameIndex, long captureMicros, byte[] pixels) {
        if (pixels.length != frameBytes) {
            throw new IllegalArgumentException("expected " + frameBytes + " bytes per frame, found " + pixels.length);
        }
        int slot = (head + buffered) % shape.frames();
        if (buffered == shape.frames()) {
            slot = head;
            head = (head + 1) % shape.frames();
        } else {
            buffered++;
        }
        System.arraycopy(pixels, 0, ring[slot], 0, frameBytes);
        indices[slot] = frameIndex;
        times[slot] = captureMicros;
        sinceLastWindow++;
        // the first window after a start or a gap comes when the ring is full, the next ones every stride frames
        boolean due = sinceLastWindow == shape.stride() || sinceLastWindow == shape.frames();
        return buffered == shape.frames() && due ? Optional.of(emit(shape.frames(), false)) : Optional.empty();
    }

    /**
     * The end of a finite source: the tail window the policy asks for, if any frames are not yet in a window.
     * The frames the policy drops are reported by {@link #droppedAtEnd()}.
     */
    public Optional<FrameWindow> finish() {
        int uncovered = Math.min(sinceLastWindow, buffered);
        droppedAtEnd = 0;
        if (uncovered == 0) {
            return Optional.empty();
        }
        return switch (shape.tail()) {
            case FULL -> Optional.of(emit(buffered, true));
            case PARTIAL -> Optional.of(emit(uncovered, true));
            case DROP -> {
                droppedAtEnd = uncovered;
                clear();
                yield Optional.empty();
            }
        };
    }

    /** Frames the last {@link #finish()} dropped (tail policy DROP). */
    public int droppedAtEnd() {
        return droppedAtEnd;
    }

    /**
     * A gap in the stream (a live source dropped and came back): frames not yet in a window are discarded and,
     * with {@code framesLost} that never arrived, reported on the next window. Returns the frames discarded here.
     */
    public int gap(long framesLost) {
        int discarded = Math.min(sinceLastWindow, buffered);
        lostBefore += framesLost + discarded;
        clear();
        return discarded;
    }

    /** Sequence number the next window will carry. */
    public long nextSequence() {
        return nextSequence;
    }

    private FrameWindow emit(int count, boolean endOfStream) {
        byte[] pixels = new byte[count * frameBytes];
        long[] frameIndices = new long[count];
        long[] captureTimes = new long[count];
        int start = buffered - count;
        for (int i = 0; i < count; i++) {
            int slot = (head + start + i) % shape.frames();
            System.arraycopy(ring[slot], 0, pixels, i * frameBytes, frameBytes);
            frameIndices[i] = indices[slot];
            captureTimes[i] = times[slot];
        }
        FrameWindow window = new FrameWindow(streamId, nextSequence++, frameIndices, captureTimes, timestampKind,
                lostBefore, endOfStream, width, height, format, pixels);
        lostBefore = 0;
        sinceLastWindow = 0;
        return window;
    }

    private void clear() {
        buffered = 0;
        head = 0;
        sinceLastWindow = 0;
    }
}
