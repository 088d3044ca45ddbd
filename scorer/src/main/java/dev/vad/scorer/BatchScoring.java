package dev.vad.scorer;

import dev.vad.core.score.ScoredWindow;
import dev.vad.core.score.WindowScorer;
import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.TimestampKind;
import dev.vad.scorer.evidence.EvidenceRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the scorer does with the windows it reads, in every mode: a window the active model cannot score is a
 * dead letter ({@code shape_mismatch}); the others are scored in batches of at most {@code --max-batch-windows}
 * ({@link WindowScorer}), their evidence recorded, their records sent through {@link ScoreOutputs} (the loop
 * commits only once those are acknowledged), and shown to the {@link ScoreObserver}.
 */
final class BatchScoring implements ConsumerLoop.Mode<FrameWindow> {

    private final ScorerSettings settings;
    private final Clock clock;
    private final ScorerMetrics metrics;
    private final WindowScorer scorer;
    private final EvidenceRecorder evidence;
    private final ScoreObserver observer;
    private final ModelSlot model;
    private final ScoreOutputs outputs;
    private final ConsumerLoop<FrameWindow> loop;
    private List<FrameWindow> batch = new ArrayList<>();
    private long scored;

    /** @param evidence where episode evidence is recorded, or null */
    BatchScoring(ScorerSettings settings, Clock clock, ScorerMetrics metrics, WindowScorer scorer,
                 EvidenceRecorder evidence, ScoreObserver observer, ModelSlot model, ScoreOutputs outputs,
                 ConsumerLoop<FrameWindow> loop) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.scorer = scorer;
        this.evidence = evidence;
        this.observer = observer;
        this.model = model;
        this.outputs = outputs;
        this.loop = loop;
    }

    @Override
    public boolean take(ConsumerRecord<?, byte[]> record, FrameWindow window) {
        String mismatch = model.active().mismatch(window);
        if (mismatch != null) {
            loop.reject(record, "shape_mismatch", mismatch);
            return true;
        }
        batch.add(window);
        if (batch.size() == settings.scoring().maxBatchWindows()) {
            scoreBatch();
        }
        return true;
    }

    /** Scores what is left of the poll's windows; commit once their records are acknowledged. */
    @Override
    public boolean polled(boolean hadRecords) {
        if (!batch.isEmpty()) {
            scoreBatch();
        }
        return hadRecords;
    }

    /** Windows scored so far. */
    long scored() {
        return scored;
    }

    private void scoreBatch() {
        long started = System.nanoTime();
        long now = clock.millis() * 1000;
        List<ScoredWindow> results = scorer.score(model.active(), batch, now);
        metrics.batch(batch.size(), System.nanoTime() - started);
        batch = new ArrayList<>();
        for (ScoredWindow scoredWindow : results) {
            ScoredWindow result = evidence == null ? scoredWindow : scoredWindow.withEvents(evidence.record(
                    scoredWindow.window(), scoredWindow.events(), scoredWindow.openingErrors()));
            outputs.publish(result).forEach(loop::sent);
            scored++;
            long endToEnd = result.window().timestampKind() == TimestampKind.WALL_CLOCK
                    ? clock.millis() * 1000 - result.window().lastCaptureTimeMicros() : -1;
            metrics.scored(result.score(), endToEnd);
            result.events().forEach(metrics::event);
            observer.scored(result.window(), result.score(), result.reconstruction());
        }
    }
}
