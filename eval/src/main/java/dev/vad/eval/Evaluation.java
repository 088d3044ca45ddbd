package dev.vad.eval;

import dev.vad.common.wire.FrameScore;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.core.events.EpisodeSettings;
import dev.vad.core.score.OfflineScorer;
import dev.vad.core.train.ArtifactBuilder;
import dev.vad.core.train.FiniteFit;
import dev.vad.core.train.TrainingSession;
import dev.vad.core.train.WindowFormat;
import dev.vad.model.Autoencoder;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains on a dataset's training clips and scores every frame of its test clips with the pipeline's own code:
 * ingest's decoder and windower, the core's training session and finite fit, its frame scores and causal
 * calibration.
 */
public final class Evaluation {

    /** The name the evaluated model goes by (version 1). */
    public static final String MODEL = "eval";

    /** Told how far the evaluation has got. */
    public interface Progress {
        void trained(int step, int steps, double loss);

        void scored(String clip, int done, int total);

        /** A held-out training clip made anomalous was scored ({@code clip}: its name and the kind). */
        default void validated(String clip, int done, int total) {
        }
    }

    /**
     * What {@link #run} produced: the report, the per-frame scores behind it, the scorer's threshold and the
     * per-frame scores of the held-out training clips made anomalous (empty when none is held out).
     */
    public record Outcome(EvalReport report, List<ClipScores> scores, double threshold,
                          List<PseudoScores> validation) {
    }

    private Evaluation() {
    }

    /**
     * Trains and scores in this process.
     *
     * @throws IllegalArgumentException when the validation clips asked for would leave no clip to train on
     */
    public static Outcome run(LabelledDataset full, EvalSettings settings, Progress progress) {
        ValidationClips.HeldOut heldOut = settings.validation().holdOut(
                full.limit(settings.trainingClips(), settings.testClips()));
        LabelledDataset data = heldOut.rest();
        long started = System.nanoTime();
        ModelArtifact artifact = train(data, settings, progress);
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        OfflineScorer scorer = new OfflineScorer(settings.scoring(), artifact);
        OfflineScorer streamScorer = new OfflineScorer(settings.scoring(), artifact);
        OneStreamScoring oneStream = new OneStreamScoring(windows -> streamScorer.score(windows, 0));
        List<ClipScores> scores = new ArrayList<>();
        List<ClipScores> streamScores = new ArrayList<>();
        for (Clip clip : data.testing()) {
            List<FrameWindow> windows = ClipWindows.of(clip, settings.width(), settings.height(),
                    settings.windowFrames(), settings.scoreStride());
            scores.add(clipScores(clip, scorer.score(windows, 0)));
            streamScores.add(oneStream.next(clip, windows));
            progress.scored(clip.name(), scores.size(), data.testing().size());
        }
        double scoreSeconds = (System.nanoTime() - started) / 1e9;
        List<PseudoScores> validation = PseudoValidation.score(heldOut.clips(), data.training(), settings, scorer,
                progress);
        return outcome(data, heldOut.clips(), settings, artifact, scores, streamScores, validation, trainSeconds,
                scoreSeconds);
    }

    /** The trainer's finite fit (see {@link EvalSettings}) of the training clips' windows, in clip order. */
    private static ModelArtifact train(LabelledDataset data, EvalSettings settings, Progress progress) {
        FitSettings fit = settings.fit();
        TrainingSession session = null;
        FrameWindow first = null;
        for (Clip clip : data.training()) {
            for (FrameWindow window : ClipWindows.of(clip, settings.width(), settings.height(),
                    settings.windowFrames(), settings.trainStride())) {
                if (session == null) {
                    first = window;
                    session = new TrainingSession(ModelFitter.create(window, fit), settings.training());
                }
                session.accept(window);
            }
        }
        if (session == null || !session.ready()) {
            throw new IllegalStateException("the training clips give too few windows to train and validate on");
        }
        TrainingSession fitting = session;
        FiniteFit.Best best = FiniteFit.run(session, fit.steps(), settings.validateEvery(), () -> false,
                new FiniteFit.Listener() {
                    @Override
                    public void stepped(double loss) {
                        progress.trained(fitting.steps(), fit.steps(), loss);
                    }

                    @Override
                    public void validated(TrainingSession.Evaluation evaluation) {
                    }
                }).orElseThrow();
        return new ArtifactBuilder(session, WindowFormat.of(first)).named(MODEL, 1, "eval")
                .build(Autoencoder.fromBytes(best.network()), best.fitted(), System.currentTimeMillis() * 1000);
    }

    /**
     * A test clip's per-frame calibrated scores, from the score records of its windows. The frames before the first
     * scored one (the context of a predicting model's first prediction) take its score, as in the papers.
     */
    static ClipScores clipScores(Clip clip, Iterable<ScoreRecord> records) {
        int frames = clip.frames().size();
        double[] scores = new double[frames];
        Arrays.fill(scores, Double.NaN);
        for (ScoreRecord record : records) {
            for (FrameScore frame : record.frames()) {
                int at = (int) frame.frameIndex();
                if (at >= 0 && at < frames) {
                    scores[at] = frame.calibratedScore();
                }
            }
        }
        int first = 0;
        while (first < frames && Double.isNaN(scores[first])) {
            first++;
        }
        if (first < frames) {
            Arrays.fill(scores, 0, first, scores[first]);
        }
        for (int i = 0; i < frames; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalStateException("clip " + clip.name() + ": frame " + i + " was not scored ("
                        + clip.frames().get(i) + ")");
            }
        }
        return new ClipScores(clip, scores, scores.clone());
    }

    /**
     * The report of scores made with {@code artifact} (trained on {@code data}'s training clips).
     *
     * @param streamScores the test clips scored as one stream ({@link OneStreamScoring}), or null
     */
    static Outcome outcome(LabelledDataset data, List<Clip> heldOut, EvalSettings settings, ModelArtifact artifact,
                           List<ClipScores> scores, List<ClipScores> streamScores, List<PseudoScores> validation,
                           double trainSeconds, double scoreSeconds) {
        return new Outcome(report(data, settings, artifact, scores, streamScores, trainSeconds, scoreSeconds,
                PseudoValidation.report(heldOut, validation, settings.fit().preset().contextFrames(),
                        settings.scoring().episodes())), scores, settings.scoring().calibration().threshold(),
                validation);
    }

    private static EvalReport report(LabelledDataset data, EvalSettings settings, ModelArtifact artifact,
                                     List<ClipScores> scores, List<ClipScores> streamScores, double trainSeconds,
                                     double scoreSeconds, EvalReport.Validation validation) {
        RocCurve paper = roc(scores, true);
        RocCurve online = roc(scores, false);
        List<EvalReport.ClipResult> clips = new ArrayList<>();
        for (ClipScores s : scores) {
            clips.add(new EvalReport.ClipResult(s.clip().name(), s.raw().length, s.clip().anomalousFrames(),
                    EvalReport.auc(RocCurve.of(s.raw(), s.labels())),
                    EvalReport.auc(RocCurve.of(s.online(), s.labels()))));
        }
        ModelHeader header = artifact.header();
        Map<String, Double> figures = header.trainingMetrics();
        Map<String, Object> about = new LinkedHashMap<>();
        FitSettings fit = settings.fit();
        about.put("kind", "conv" + header.dimensions() + "d");
        about.put("preset", header.architecture());
        about.put("view", header.view());
        about.put("input", settings.windowFrames() + "x" + settings.height() + "x" + settings.width() + " grey");
        about.put("parameters", ModelArtifacts.unpack(artifact).parameterCount());
        about.put("steps", figures.get("steps").intValue());
        about.put("batch_windows", fit.batchWindows());
        about.put("learning_rate", fit.learningRate());
        about.put("seed", header.seed());
        about.put("training_clips", data.training().size());
        about.put("training_windows", figures.get("training_windows").intValue());
        about.put("training_loss", figures.get("loss"));
        about.put("validation_loss", figures.get("validation_loss"));
        about.put("frame_score", "calibrated: max of the z-scores of the frame's mean error and of its worst "
                + fit.patch() + "x" + fit.patch() + " patch error against the model's validation errors"
                + (settings.smoothingFrames() > 1 ? ", averaged over the last " + settings.smoothingFrames()
                        + " frames" : ""));
        about.put("smoothing_frames", settings.smoothingFrames());
        about.put("score_scale", settings.scoreScale().name().toLowerCase(java.util.Locale.ROOT));
        EpisodeSettings episodes = settings.scoring().episodes();
        int lead = settings.fit().preset().contextFrames();
        return new EvalReport(data.name(), data.layout(), about, paper.auc(), online.auc(), paper.eer(),
                online.eer(), clips, trainSeconds, scoreSeconds, EventFigures.of(scores, lead, episodes),
                streamScores == null ? null : OneStreamFigures.of(streamScores, lead, episodes), validation);
    }

    /** The ROC of {@code scores} pooled, under the paper protocol or the online one. */
    static RocCurve roc(List<ClipScores> scores, boolean paper) {
        return RocCurve.of(pooled(scores, paper), pooledLabels(scores));
    }

    static double[] pooled(List<ClipScores> scores, boolean paper) {
        return scores.stream().flatMapToDouble(s -> Arrays.stream(paper ? s.normalised() : s.online())).toArray();
    }

    static boolean[] pooledLabels(List<ClipScores> scores) {
        int n = scores.stream().mapToInt(s -> s.raw().length).sum();
        boolean[] labels = new boolean[n];
        int at = 0;
        for (ClipScores s : scores) {
            boolean[] clip = s.labels();
            System.arraycopy(clip, 0, labels, at, clip.length);
            at += clip.length;
        }
        return labels;
    }
}
