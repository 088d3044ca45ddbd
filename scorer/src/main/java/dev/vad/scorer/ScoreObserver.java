package dev.vad.scorer;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.core.score.StreamRule;
import java.util.Map;

/** Sees every window the scorer scores, as it is published (the live viewer is one). */
@FunctionalInterface
public interface ScoreObserver {

    ScoreObserver NONE = (window, score, reconstruction) -> { };

    /**
     * Called on the scoring thread; must be quick.
     *
     * @param reconstruction the window's reconstruction when one is published for it, else null
     */
    void scored(FrameWindow window, ScoreRecord score, Reconstruction reconstruction);

    /** Told what each camera of the registry asks (threshold, ignore masks) whenever that changes; by stream id. */
    default void cameras(Map<String, StreamRule> byStream) {
    }
}
