package dev.vad.common.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A window of consecutive frames from one stream: the value of every record on {@code vad.frames}.
 *
 * <p>Pixels are stored frame after frame, each frame row-major with interleaved channels
 * ({@code frames x height x width x channels} bytes). The window takes ownership of the arrays it is given;
 * callers must not modify them afterwards.
 *
 * @param streamId           the source's stream id, also the Kafka key
 * @param sequence           window sequence number within the stream, starting at 0, continuing across reconnects
 * @param frameIndices       index of each frame within the stream (ascending)
 * @param captureTimesMicros capture time of each frame in microseconds, measured as {@code timestampKind} says
 * @param timestampKind      wall clock (live sources) or stream time (files and folders)
 * @param framesLostBefore   frames the source lost between the previous window and this one (0 when none)
 * @param endOfStream        true for the last window of a finite source (it may hold fewer frames than the others)
 * @param width              frame width in pixels
 * @param height             frame height in pixels
 * @param pixelFormat        layout of each pixel
 * @param pixels             raw pixel bytes
 */
public record FrameWindow(
        String streamId,
        long sequence,
        long[] frameIndices,
        long[] captureTimesMicros,
        TimestampKind timestampKind,
        long framesLostBefore,
        boolean endOfStream,
        int width,
        int height,
        PixelFormat pixelFormat,
        byte[] pixels) {

    public FrameWindow {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(frameIndices, "frameIndices");
        Objects.requireNonNull(captureTimesMicros, "captureTimesMicros");
        Objects.requireNonNull(timestampKind, "timestampKind");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(pixels, "pixels");
        if (streamId.isEmpty()) {
            throw new IllegalArgumentException("streamId must not be empty");
        }
        if (frameIndices.length == 0) {
            throw new IllegalArgumentException("a window holds at least one frame, found 0");
        }
        if (captureTimesMicros.length != frameIndices.length) {
            throw new IllegalArgumentException("expected one capture time per frame (" + frameIndices.length
                    + "), found " + captureTimesMicros.length);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, found " + width + "x" + height);
        }
        if (sequence < 0 || framesLostBefore < 0) {
            throw new IllegalArgumentException("sequence and framesLostBefore must be >= 0, found "
                    + sequence + " and " + framesLostBefore);
        }
        long expected = (long) frameIndices.length * height * width * pixelFormat.channels();
        if (pixels.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " pixel bytes (" + frameIndices.length
                    + " frames of " + width + "x" + height + "x" + pixelFormat.channels() + "), found " + pixels.length);
        }
    }

    public int frameCount() {
        return frameIndices.length;
    }

    public int channels() {
        return pixelFormat.channels();
    }

    public int frameBytes() {
        return width * height * pixelFormat.channels();
    }

    public long firstFrameIndex() {
        return frameIndices[0];
    }

    public long lastFrameIndex() {
        return frameIndices[frameIndices.length - 1];
    }

    public long lastCaptureTimeMicros() {
        return captureTimesMicros[captureTimesMicros.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrameWindow w
                && streamId.equals(w.streamId)
                && sequence == w.sequence
                && Arrays.equals(frameIndices, w.frameIndices)
                && Arrays.equals(captureTimesMicros, w.captureTimesMicros)
                && timestampKind == w.timestampKind
                && framesLostBefore == w.framesLostBefore
                && endOfStream == w.endOfStream
                && width == w.width
                && height == w.height
                && pixelFormat == w.pixelFormat
                && Arrays.equals(pixels, w.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, sequence, Arrays.hashCode(frameIndices), width, height, pixelFormat);
    }

    @Override
    public String toString() {
        return "FrameWindow[" + streamId + "#" + sequence + ", frames " + firstFrameIndex() + ".." + lastFrameIndex()
                + ", " + width + "x" + height + " " + pixelFormat + (endOfStream ? ", end of stream" : "") + "]";
    }
}
