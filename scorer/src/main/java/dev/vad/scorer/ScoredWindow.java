package dev.vad.scorer;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import java.util.List;

/**
 * What scoring one window produced.
 *
 * @param window         the window
 * @param score          its score record
 * @param reconstruction its reconstruction and error map, or null when this window's is not published
 * @param events         episode records it caused
 * @param openingErrors  the window's squared errors per pixel when a record starts an anomaly episode and evidence
 *                       is stored, else null
 * @param patch          side of the model's worst patch
 */
record ScoredWindow(FrameWindow window, ScoreRecord score, Reconstruction reconstruction,
                    List<AnomalyEvent> events, float[] openingErrors, int patch) {

    /** The same window with other records (its events with their evidence). */
    ScoredWindow withEvents(List<AnomalyEvent> replaced) {
        return new ScoredWindow(window, score, reconstruction, replaced, openingErrors, patch);
    }
}
