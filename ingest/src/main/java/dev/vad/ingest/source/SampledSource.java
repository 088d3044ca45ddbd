package dev.vad.ingest.source;

/**
 * A source thinned to at most {@code fps} frames per second by its frames' timestamps: a frame is kept when its time
 * reaches the next one due, which then moves on by one period (or to a period after the frame, after a gap). Kept
 * frames lose their place in the source, so the frames left out are not taken for frames that failed to decode.
 */
public final class SampledSource implements FrameSource {

    private final FrameSource source;
    private final double fps;
    private final long periodMicros;
    private long nextDue;
    private boolean started;

    public SampledSource(FrameSource source, double fps) {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("a sampling rate must be above 0, found " + fps);
        }
        this.source = source;
        this.fps = fps;
        this.periodMicros = Math.round(1_000_000 / fps);
    }

    @Override
    public void open() throws SourceException {
        source.open();
        started = false;
    }

    @Override
    public DecodedFrame next() throws SourceException {
        for (DecodedFrame frame = source.next(); frame != null; frame = source.next()) {
            long time = frame.timestampMicros();
            if (!started || time >= nextDue) {
                nextDue = started && time - nextDue < periodMicros ? nextDue + periodMicros : time + periodMicros;
                started = true;
                return new DecodedFrame(frame.pixels(), time);
            }
        }
        return null;
    }

    @Override
    public double frameRate() {
        return Math.min(source.frameRate(), fps);
    }

    @Override
    public void close() {
        source.close();
    }
}
