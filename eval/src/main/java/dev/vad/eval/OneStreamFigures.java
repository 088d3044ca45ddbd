package dev.vad.eval;

import dev.vad.core.events.EpisodeSettings;
import java.util.List;

/**
 * Figures of the test clips scored as one stream ({@link OneStreamScoring}), as written to {@code report.json}: the
 * live protocol, where a stream's calibration history and episode state carry over from clip to clip.
 *
 * @param frameAucOnline frame-level AUC of the one stream's calibrated scores, pooled
 * @param eerOnline      its equal error rate
 * @param events         the scorer's episodes over the one stream's scores, matched against the labels
 */
public record OneStreamFigures(double frameAucOnline, double eerOnline, EventFigures events) {

    /** The figures of the test clips' one-stream scores, in playing order (see {@link EventFigures#of}). */
    static OneStreamFigures of(List<ClipScores> scores, int leadFrames, EpisodeSettings settings) {
        RocCurve roc = RocCurve.of(Evaluation.pooled(scores, false), Evaluation.pooledLabels(scores));
        return new OneStreamFigures(roc.auc(), roc.eer(), EventFigures.of(scores, leadFrames, settings));
    }
}
