package dev.vad.core.score;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.calibration.CausalCalibrator;
import dev.vad.core.calibration.MovingAverage;
import dev.vad.core.events.EpisodeSettings;
import dev.vad.core.events.EpisodeTracker;
import dev.vad.model.fit.WindowModel;

/**
 * What the scorer remembers of one stream: the calibrators of the model version scoring it (a new version starts
 * from its own validation statistics), the smoothing of its calibrated scores, its episode trackers, the frames a
 * predicting model needs before its next window, and how many windows it has had.
 */
final class StreamState {

    private final EpisodeTracker anomalies;
    private final EpisodeTracker sceneChanges;
    private final CalibrationSettings calibration;
    private long version = -1;
    private CausalCalibrator meanCalibrator;
    private CausalCalibrator patchCalibrator;
    private final MovingAverage smoothing;
    private final FrameContext context = new FrameContext();
    private long windows;

    StreamState(String streamId, CalibrationSettings calibration, EpisodeSettings episodes) {
        this.calibration = calibration;
        this.smoothing = new MovingAverage(calibration.smoothingFrames());
        this.anomalies = new EpisodeTracker(streamId, AnomalyEvent.Kind.ANOMALY, episodes);
        this.sceneChanges = new EpisodeTracker(streamId, AnomalyEvent.Kind.SCENE_CHANGE, episodes);
    }

    /** Calibrators for {@code model}, new ones when the stream was scored by another version until now. */
    void use(ActiveModel model) {
        if (model.header().version() != version) {
            version = model.header().version();
            meanCalibrator = new CausalCalibrator(model.calibration(WindowModel.FRAME_MEAN), calibration);
            patchCalibrator = new CausalCalibrator(model.calibration(WindowModel.FRAME_PATCH), calibration);
        }
    }

    CausalCalibrator meanCalibrator() {
        return meanCalibrator;
    }

    CausalCalibrator patchCalibrator() {
        return patchCalibrator;
    }

    /** A frame's calibrated score smoothed over the stream's last scored frames (see {@link CalibrationSettings}). */
    double smoothed(double calibrated) {
        return smoothing.add(calibrated);
    }

    FrameContext context() {
        return context;
    }

    EpisodeTracker anomalies() {
        return anomalies;
    }

    EpisodeTracker sceneChanges() {
        return sceneChanges;
    }

    /** Counts a window; returns its number in this stream, from 0. */
    long nextWindow() {
        return windows++;
    }
}
