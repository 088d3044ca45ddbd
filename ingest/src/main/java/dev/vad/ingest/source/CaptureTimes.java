package dev.vad.ingest.source;

/**
 * Wall-clock capture times of an RTSP stream's frames, from the stream's own timestamps. A camera stamps each frame
 * as it captures it (RTP timestamps), but frames reach the decoder in bursts: FFmpeg holds the first second or two
 * while it probes a stream, and a network hiccup delivers several frames at once. Stamped when decoded, such a burst
 * would lie within a millisecond; laid on the wall clock from the connection's opening, its frames keep their
 * spacing.
 *
 * <p>The first frame is placed at the moment the connection was opened (the camera cannot have captured a frame of
 * this session earlier), later ones at that moment plus their stream time since the first. A stamp is never in the
 * future, never more than {@link #MAX_LAG_MICROS} behind the wall clock (the stream's clock drifts), and always
 * after the one before; a stream clock that goes back or stands still starts again from the wall clock.
 */
final class CaptureTimes {

    /** How far behind the wall clock a stamp may fall: longer than FFmpeg probes a stream (5 s). */
    static final long MAX_LAG_MICROS = 6_000_000;

    private final long openedMicros;
    private boolean anchored;
    private long offsetMicros;
    private long lastMicros = Long.MIN_VALUE;

    /** @param openedMicros wall-clock time, in microseconds, when the connection began to be opened */
    CaptureTimes(long openedMicros) {
        this.openedMicros = openedMicros;
    }

    /**
     * @param streamMicros the frame's timestamp in the stream, in microseconds
     * @param nowMicros    the wall clock as the frame is decoded, in microseconds
     * @return the frame's capture time on the wall clock, in microseconds
     */
    long stamp(long streamMicros, long nowMicros) {
        if (!anchored) {
            offsetMicros = Math.min(openedMicros, nowMicros) - streamMicros;
            anchored = true;
        }
        long stamp = streamMicros + offsetMicros;
        if (stamp <= lastMicros || stamp > nowMicros) {
            stamp = Math.max(nowMicros, lastMicros + 1);
        } else if (stamp < nowMicros - MAX_LAG_MICROS) {
            stamp = nowMicros - MAX_LAG_MICROS;
        }
        offsetMicros = stamp - streamMicros;
        lastMicros = stamp;
        return stamp;
    }
}
