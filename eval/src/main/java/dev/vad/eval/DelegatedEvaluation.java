package dev.vad.eval;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.core.score.OfflineScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluation with its training and its scoring done elsewhere (by the services, through Kafka): the same clips
 * held out, the same report. The clips held out for validation are never handed to the stages; they are scored with
 * the model the training stage gave, in this process, as {@link Evaluation} scores them.
 */
public final class DelegatedEvaluation {

    /** Where the model is trained and the test clips scored. */
    public interface Stages {

        /** Trains on the training clips, in order; the model it gave. */
        ModelArtifact train(List<Clip> training) throws InterruptedException;

        /** Scores the test clips' windows with that model; the score records by clip name (their stream id). */
        Map<String, List<ScoreRecord>> score(List<Clip> testing) throws InterruptedException;
    }

    private DelegatedEvaluation() {
    }

    /**
     * Trains and scores through {@code stages}.
     *
     * @throws IllegalArgumentException when the validation clips asked for would leave no clip to train on
     */
    public static Evaluation.Outcome run(LabelledDataset full, EvalSettings settings, Stages stages,
                                         Evaluation.Progress progress) throws InterruptedException {
        ValidationClips.HeldOut heldOut = settings.validation().holdOut(
                full.limit(settings.trainingClips(), settings.testClips()));
        LabelledDataset data = heldOut.rest();
        long started = System.nanoTime();
        ModelArtifact artifact = stages.train(data.training());
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        Map<String, List<ScoreRecord>> byClip = stages.score(data.testing());
        List<ClipScores> scores = new ArrayList<>();
        for (Clip clip : data.testing()) {
            scores.add(Evaluation.clipScores(clip, byClip.getOrDefault(clip.name(), List.of())));
            progress.scored(clip.name(), scores.size(), data.testing().size());
        }
        double scoreSeconds = (System.nanoTime() - started) / 1e9;
        List<PseudoScores> validation = PseudoValidation.score(heldOut.clips(), data.training(), settings,
                new OfflineScorer(settings.scoring(), artifact), progress);
        return Evaluation.outcome(data, heldOut.clips(), settings, artifact, scores, null, validation,
                trainSeconds, scoreSeconds);
    }
}
