package dev.vad.core.score;

import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.events.EpisodeSettings;

/**
 * How windows are scored, whatever they come from.
 *
 * @param calibration         causal calibration
 * @param episodes            anomaly-episode hysteresis (marks in calibrated units)
 * @param sceneChangeGuard    report sudden global changes as scene changes rather than anomalies
 * @param sceneChangeShare    a frame's mean error at least this share of its worst patch's counts as global
 * @param reconstructionEvery hand back the reconstruction of every n-th window of a stream; 0 none, 1 all
 * @param maxBatchWindows     windows scored together at most
 * @param maxStreams          streams tracked at once; the least recently seen is forgotten beyond this
 * @param openingErrors       hand back the error map of a window whose frames open an anomaly episode (what an
 *                            evidence snapshot draws)
 */
public record ScoringSettings(CalibrationSettings calibration, EpisodeSettings episodes, boolean sceneChangeGuard,
                              double sceneChangeShare, int reconstructionEvery, int maxBatchWindows, int maxStreams,
                              boolean openingErrors) {

    /** The live scorer's defaults. */
    public static final ScoringSettings DEFAULT = new ScoringSettings(CalibrationSettings.DEFAULT,
            EpisodeSettings.DEFAULT, true, 0.5, 10, 16, 1024, false);

    public ScoringSettings {
        if (calibration == null || episodes == null) {
            throw new IllegalArgumentException("scoring needs calibration and episode settings");
        }
        if (!(sceneChangeShare > 0 && sceneChangeShare <= 1)) {
            throw new IllegalArgumentException("the scene-change share is in (0, 1], found " + sceneChangeShare);
        }
        if (reconstructionEvery < 0 || maxBatchWindows < 1 || maxStreams < 1) {
            throw new IllegalArgumentException("scoring needs reconstructionEvery >= 0, maxBatchWindows >= 1 and"
                    + " maxStreams >= 1, found " + reconstructionEvery + ", " + maxBatchWindows + ", " + maxStreams);
        }
    }

    /** The same settings with another calibration. */
    public ScoringSettings withCalibration(CalibrationSettings replaced) {
        return new ScoringSettings(replaced, episodes, sceneChangeGuard, sceneChangeShare, reconstructionEvery,
                maxBatchWindows, maxStreams, openingErrors);
    }

    /** The same settings handing back, or not, the error maps of windows that open an episode. */
    public ScoringSettings withOpeningErrors(boolean handedBack) {
        return new ScoringSettings(calibration, episodes, sceneChangeGuard, sceneChangeShare, reconstructionEvery,
                maxBatchWindows, maxStreams, handedBack);
    }

    /** The same settings handing back no reconstruction. */
    public ScoringSettings withoutReconstructions() {
        return new ScoringSettings(calibration, episodes, sceneChangeGuard, sceneChangeShare, 0, maxBatchWindows,
                maxStreams, openingErrors);
    }
}
