package dev.vad.eval;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.wire.FrameScore;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import dev.vad.scorer.OfflineScorer;
import dev.vad.scorer.ScorerSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains on a dataset's training clips and scores every frame of its test clips with the pipeline's own code:
 * ingest's decoder and windower, the model engine's fitter, the scorer's frame scores and causal calibration.
 */
public final class Evaluation {

    /** Told how far the evaluation has got. */
    public interface Progress {
        void trained(int step, int steps, double loss);

        void scored(String clip, int done, int total);
    }

    /** What {@link #run} produced: the report, the per-frame scores behind it and the scorer's threshold. */
    public record Outcome(EvalReport report, List<ClipScores> scores, double threshold) {
    }

    private Evaluation() {
    }

    public static Outcome run(LabelledDataset full, EvalSettings settings, Progress progress) {
        LabelledDataset data = full.limit(settings.trainingClips(), settings.testClips());
        long started = System.nanoTime();
        List<FrameWindow> training = new ArrayList<>();
        List<FrameWindow> validation = new ArrayList<>();
        for (Clip clip : data.training()) {
            List<FrameWindow> windows = ClipWindows.of(clip, settings.width(), settings.height(),
                    settings.windowFrames(), settings.trainStride());
            for (int i = 0; i < windows.size(); i++) {
                (i % 10 == 9 ? validation : training).add(windows.get(i));
            }
        }
        if (validation.isEmpty()) {
            validation.add(training.remove(training.size() - 1));
        }
        FitSettings fit = settings.fit();
        WindowModel model = ModelFitter.create(training.get(0), fit);
        ModelFitter.Fitted fitted = ModelFitter.fit(model, training, validation, fit,
                (step, loss) -> progress.trained(step, fit.steps(), loss));
        ModelArtifact artifact = artifact(model, fitted, settings, training.get(0), training.size(),
                validation.size());
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        ScorerSettings scoring = scorerSettings();
        OfflineScorer scorer = new OfflineScorer(scoring, artifact);
        List<ClipScores> scores = new ArrayList<>();
        for (Clip clip : data.testing()) {
            scores.add(score(clip, scorer, settings));
            progress.scored(clip.name(), scores.size(), data.testing().size());
        }
        double scoreSeconds = (System.nanoTime() - started) / 1e9;
        return new Outcome(report(data, settings, fitted, model, training.size(), scores, trainSeconds,
                scoreSeconds), scores, scoring.calibration().threshold());
    }

    private static ClipScores score(Clip clip, OfflineScorer scorer, EvalSettings settings) {
        int frames = clip.frames().size();
        double[] raw = new double[frames];
        double[] online = new double[frames];
        Arrays.fill(raw, Double.NaN);
        List<FrameWindow> windows = ClipWindows.of(clip, settings.width(), settings.height(),
                settings.windowFrames(), settings.windowFrames());
        for (ScoreRecord record : scorer.score(windows, 0)) {
            for (FrameScore frame : record.frames()) {
                int at = (int) frame.frameIndex();
                if (at >= 0 && at < frames) {
                    raw[at] = frame.calibratedScore();
                    online[at] = frame.calibratedScore();
                }
            }
        }
        for (int i = 0; i < frames; i++) {
            if (Double.isNaN(raw[i])) {
                throw new IllegalStateException("clip " + clip.name() + ": frame " + i + " was not decoded ("
                        + clip.frames().get(i) + ")");
            }
        }
        return new ClipScores(clip, raw, online);
    }

    private static EvalReport report(LabelledDataset data, EvalSettings settings, ModelFitter.Fitted fitted,
                                     WindowModel model, int trainingWindows, List<ClipScores> scores,
                                     double trainSeconds, double scoreSeconds) {
        RocCurve paper = RocCurve.of(pooled(scores, true), pooledLabels(scores));
        RocCurve online = RocCurve.of(pooled(scores, false), pooledLabels(scores));
        List<EvalReport.ClipResult> clips = new ArrayList<>();
        for (ClipScores s : scores) {
            double auc = RocCurve.of(s.raw(), s.labels()).auc();
            double aucOnline = RocCurve.of(s.online(), s.labels()).auc();
            clips.add(new EvalReport.ClipResult(s.clip().name(), s.raw().length, s.clip().anomalousFrames(),
                    Double.isNaN(auc) ? null : auc, Double.isNaN(aucOnline) ? null : aucOnline));
        }
        Map<String, Object> about = new LinkedHashMap<>();
        FitSettings fit = settings.fit();
        about.put("kind", "conv" + fit.dimensions() + "d");
        about.put("preset", fit.preset().id());
        about.put("view", model.view().describe());
        about.put("input", settings.windowFrames() + "x" + settings.height() + "x" + settings.width() + " grey");
        about.put("parameters", model.network().parameterCount());
        about.put("steps", fitted.steps());
        about.put("batch_windows", fit.batchWindows());
        about.put("learning_rate", fit.learningRate());
        about.put("seed", fit.seed());
        about.put("training_clips", data.training().size());
        about.put("training_windows", trainingWindows);
        about.put("training_loss", fitted.trainingLoss());
        about.put("validation_loss", fitted.validationLoss());
        about.put("frame_score", "calibrated: max of the z-scores of the frame's mean error and of its worst "
                + fit.patch() + "x" + fit.patch() + " patch error against the model's validation errors");
        return new EvalReport(data.name(), data.layout(), about, paper.auc(), online.auc(), paper.eer(),
                online.eer(), clips, trainSeconds, scoreSeconds);
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

    /** The live scorer's defaults: no Kafka is reached, nothing is published. */
    private static ScorerSettings scorerSettings() {
        ConfigReader config = new ConfigReader(Map.of("viewer-port", "-1", "metrics-port", "-1"), Map.of());
        ScorerSettings settings = ScorerSettings.load(config, null, null, List.of(), false);
        config.validate();
        return settings;
    }

    private static ModelArtifact artifact(WindowModel model, ModelFitter.Fitted fitted, EvalSettings settings,
                                          FrameWindow example, int trainingWindows, int validationWindows) {
        FitSettings fit = settings.fit();
        TreeMap<String, String> hyper = new TreeMap<>();
        hyper.put("preset", fit.preset().id());
        hyper.put("mode", "eval");
        hyper.put("batch_windows", Integer.toString(fit.batchWindows()));
        hyper.put("learning_rate", Double.toString(fit.learningRate()));
        hyper.put("patch", Integer.toString(model.patch()));
        TreeMap<String, Double> figures = new TreeMap<>();
        figures.put("loss", fitted.trainingLoss());
        figures.put("validation_loss", fitted.validationLoss());
        figures.put("steps", (double) fitted.steps());
        figures.put("training_windows", (double) trainingWindows);
        figures.put("validation_windows", (double) validationWindows);
        int[] shape = model.network().spec().inputShape().stream().mapToInt(Integer::intValue).toArray();
        ModelHeader header = new ModelHeader("eval", 1, fit.preset().id(), fit.dimensions(),
                model.view().describe(), shape, example.frameCount(), example.width(), example.height(),
                example.pixelFormat(), model.normalisation(), hyper, fit.seed(), List.of(),
                new TreeMap<>(fitted.calibration()), figures, System.currentTimeMillis() * 1000);
        return ModelArtifacts.pack(model.network(), header);
    }
}
