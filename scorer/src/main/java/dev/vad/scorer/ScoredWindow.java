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
 */
record ScoredWindow(FrameWindow window, ScoreRecord score, Reconstruction reconstruction,
                    List<AnomalyEvent> events) {
}
