package dev.vad.core.events;

import dev.vad.common.wire.AnomalyEvent;
import java.util.Optional;

/**
 * Turns one stream's calibrated frame scores into anomaly episodes with hysteresis: an episode opens after
 * {@code enterFrames} frames in a row at or above the high mark (starting at the first of them) and closes after
 * {@code exitFrames} frames in a row below the low mark (ending at the last frame above it). Pure: the caller
 * supplies frame indices, capture times and the emission time.
 */
public final class EpisodeTracker {

    private final String streamId;
    private final AnomalyEvent.Kind kind;
    private EpisodeSettings settings;
    private int above;
    private int below;
    private boolean open;
    private long firstFrame;
    private long firstCapture;
    private long lastHighFrame;
    private long lastHighCapture;
    private double peak;
    private long peakFrame;
    private int sinceUpdate;

    public EpisodeTracker(String streamId, AnomalyEvent.Kind kind, EpisodeSettings settings) {
        this.streamId = streamId;
        this.kind = kind;
        this.settings = settings;
    }

    /**
     * Feeds the next frame's calibrated score and returns the record it causes, if any.
     *
     * @param model        model name and version that scored the frame, carried by the record
     * @param nowMicros    emission time of a record, microseconds since the epoch
     */
    public Optional<AnomalyEvent> accept(long frame, long captureMicros, double score, ModelRef model,
                                         long nowMicros) {
        boolean high = score >= settings.highMark();
        if (!open) {
            return high ? pending(frame, captureMicros, score, model, nowMicros) : reset();
        }
        if (high || score >= settings.lowMark()) {
            below = 0;
            if (high) {
                lastHighFrame = frame;
                lastHighCapture = captureMicros;
            }
            notePeak(frame, score);
            return ++sinceUpdate >= settings.updateEvery()
                    ? Optional.of(record(AnomalyEvent.Phase.UPDATE, model, nowMicros)) : Optional.empty();
        }
        if (++below < settings.exitFrames()) {
            return Optional.empty();
        }
        open = false;
        above = 0;
        below = 0;
        return Optional.of(record(AnomalyEvent.Phase.END, model, nowMicros));
    }

    /** Goes on with other marks and counts (a camera's own threshold); an open episode stays open. */
    public void retune(EpisodeSettings other) {
        settings = other;
    }

    /** Whether an episode is open. */
    public boolean isOpen() {
        return open;
    }

    private Optional<AnomalyEvent> pending(long frame, long capture, double score, ModelRef model, long now) {
        if (above++ == 0) {
            firstFrame = frame;
            firstCapture = capture;
            peak = Double.NEGATIVE_INFINITY;
        }
        notePeak(frame, score);
        lastHighFrame = frame;
        lastHighCapture = capture;
        if (above < settings.enterFrames()) {
            return Optional.empty();
        }
        open = true;
        below = 0;
        sinceUpdate = 0;
        return Optional.of(record(AnomalyEvent.Phase.START, model, now));
    }

    private Optional<AnomalyEvent> reset() {
        above = 0;
        return Optional.empty();
    }

    private void notePeak(long frame, double score) {
        if (score > peak) {
            peak = score;
            peakFrame = frame;
        }
    }

    private AnomalyEvent record(AnomalyEvent.Phase phase, ModelRef model, long now) {
        sinceUpdate = 0;
        return new AnomalyEvent(AnomalyEvent.PLAIN_VERSION, streamId + ":" + firstFrame, phase, kind, streamId,
                firstFrame, lastHighFrame, firstCapture, lastHighCapture, peak, peakFrame, model.name(),
                model.version(), now);
    }

    /** The model version that scored a frame. */
    public record ModelRef(String name, long version) {
    }
}
