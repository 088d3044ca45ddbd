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
 * predicting model needs before its next window, how many windows it has had, and what its camera asks (its own
 * threshold, with the low mark moved in proportion, and the pixels its ignore masks cover).
 */
final class StreamState {

    private final EpisodeTracker anomalies;
    private final EpisodeTracker sceneChanges;
    private final CalibrationSettings defaults;
    private final EpisodeSettings defaultEpisodes;
    private CalibrationSettings calibration;
    private StreamRule rule = StreamRule.NONE;
    private boolean[] ignored;
    private int ignoredWidth;
    private int ignoredHeight;
    private long version = -1;
    private CausalCalibrator meanCalibrator;
    private CausalCalibrator patchCalibrator;
    private final MovingAverage smoothing;
    private final FrameContext context = new FrameContext();
    private long windows;

    StreamState(String streamId, CalibrationSettings calibration, EpisodeSettings episodes) {
        this.defaults = calibration;
        this.defaultEpisodes = episodes;
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

    /** Follows what the stream's camera asks now; a new threshold applies from the next frame on. */
    void follow(StreamRule next) {
        if (next.equals(rule)) {
            return;
        }
        double threshold = next.threshold() == null ? defaults.threshold() : next.threshold();
        if (threshold != calibration.threshold()) {
            calibration = new CalibrationSettings(defaults.historyFrames(), defaults.minHistory(),
                    defaults.refreshEvery(), threshold, defaults.smoothingFrames(), defaults.scale());
            EpisodeSettings e = defaultEpisodes;
            EpisodeSettings episodes = new EpisodeSettings(threshold, e.enterFrames(),
                    e.lowMark() * threshold / e.highMark(), e.exitFrames(), e.updateEvery());
            anomalies.retune(episodes);
            sceneChanges.retune(episodes);
            if (meanCalibrator != null) {
                meanCalibrator.retune(calibration);
                patchCalibrator.retune(calibration);
            }
        }
        if (!next.ignoreMasks().equals(rule.ignoreMasks())) {
            ignored = null;
            ignoredWidth = 0;
        }
        rule = next;
    }

    /** The calibrated score at or above which a frame of this stream is anomalous. */
    double threshold() {
        return calibration.threshold();
    }

    /** The pixels of a {@code width x height} frame that count in no score, or null for none. */
    boolean[] ignored(int width, int height) {
        if (rule.ignoreMasks().isEmpty()) {
            return null;
        }
        if (ignored == null || ignoredWidth != width || ignoredHeight != height) {
            ignored = IgnoreMask.pixels(rule.ignoreMasks(), width, height);
            ignoredWidth = width;
            ignoredHeight = height;
        }
        return ignored;
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
