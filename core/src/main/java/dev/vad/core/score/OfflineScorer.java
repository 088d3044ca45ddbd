package dev.vad.core.score;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ScoreRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The live scorer's scoring without Kafka: one model, windows scored in the order given, each stream calibrated
 * causally as the live scorer does (evaluation scores through this).
 */
public final class OfflineScorer {

    private final ScoringSettings settings;
    private final ActiveModel model;
    private final WindowScorer scorer;

    public OfflineScorer(ScoringSettings settings, ModelArtifact artifact) {
        this.settings = settings;
        this.model = ActiveModel.of(artifact);
        this.scorer = new WindowScorer(settings);
    }

    /** Scores the windows in batches of the settings' size; a stream's windows must come in order. */
    public List<ScoreRecord> score(List<FrameWindow> windows, long nowMicros) {
        List<ScoreRecord> scores = new ArrayList<>(windows.size());
        for (int from = 0; from < windows.size(); from += settings.maxBatchWindows()) {
            List<FrameWindow> batch = windows.subList(from, Math.min(windows.size(),
                    from + settings.maxBatchWindows()));
            scorer.score(model, batch, nowMicros).forEach(scored -> scores.add(scored.score()));
        }
        return scores;
    }
}
