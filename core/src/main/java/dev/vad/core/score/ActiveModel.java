package dev.vad.core.score;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.ScoreStatistics;
import dev.vad.core.events.EpisodeTracker;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.fit.WindowModels;

/** One loaded model version: the artifact's description and the network that runs it. */
public record ActiveModel(ModelHeader header, WindowModel model) {

    /** Loads an artifact's network. */
    public static ActiveModel of(ModelArtifact artifact) {
        return new ActiveModel(artifact.header(), WindowModels.fromArtifact(artifact));
    }

    public EpisodeTracker.ModelRef ref() {
        return new EpisodeTracker.ModelRef(header.name(), header.version());
    }

    /** Why this model cannot score the window, or null when it can. */
    public String mismatch(FrameWindow w) {
        try {
            header.requireWindowShape(w.frameCount(), w.width(), w.height(), w.pixelFormat());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Validation statistics of a score kind; a flat fallback when the artifact carries none. */
    public ScoreStatistics calibration(String kind) {
        ScoreStatistics s = header.calibration().get(kind);
        return s != null ? s : new ScoreStatistics(0, 0, 1, 0, 1, java.util.List.of());
    }

    @Override
    public String toString() {
        return header.name() + "@" + header.version();
    }
}
