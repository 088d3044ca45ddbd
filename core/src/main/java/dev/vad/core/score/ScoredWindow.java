package dev.vad.core.score;

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
 * @param openingErrors  the window's errors when a record starts an anomaly episode and evidence is stored, else
 *                       null
 */
public record ScoredWindow(FrameWindow window, ScoreRecord score, Reconstruction reconstruction,
                    List<AnomalyEvent> events, WindowErrors openingErrors) {

    /** The same window with other records (its events with their evidence). */
    public ScoredWindow withEvents(List<AnomalyEvent> replaced) {
        return new ScoredWindow(window, score, reconstruction, replaced, openingErrors);
    }
}
