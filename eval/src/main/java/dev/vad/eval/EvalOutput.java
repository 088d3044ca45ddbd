package dev.vad.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an evaluation's files: {@code report.json}, {@code roc.png}, {@code clip-<name>.png} per test clip and
 * {@code frame_scores.csv} (clip, frame, label, paper-protocol score, online score).
 */
public final class EvalOutput {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private EvalOutput() {
    }

    /** Writes every file into {@code directory} (created if missing) and returns their paths. */
    public static List<Path> write(Evaluation.Outcome outcome, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Path report = directory.resolve("report.json");
        JSON.writeValue(report.toFile(), outcome.report());
        written.add(report);
        Path roc = directory.resolve("roc.png");
        boolean[] labels = Evaluation.pooledLabels(outcome.scores());
        EvalPlots.roc(roc, RocCurve.of(Evaluation.pooled(outcome.scores(), true), labels),
                RocCurve.of(Evaluation.pooled(outcome.scores(), false), labels));
        written.add(roc);
        for (ClipScores scores : outcome.scores()) {
            Path clip = directory.resolve("clip-" + scores.clip().name() + ".png");
            EvalPlots.clip(clip, scores, outcome.threshold());
            written.add(clip);
        }
        Path csv = directory.resolve("frame_scores.csv");
        try (Writer out = Files.newBufferedWriter(csv)) {
            out.write("clip,frame_index0,label,paper_score,online_score\n");
            for (ClipScores scores : outcome.scores()) {
                double[] paper = scores.normalised();
                boolean[] clipLabels = scores.labels();
                for (int f = 0; f < paper.length; f++) {
                    out.write(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f%n", scores.clip().name(), f,
                            clipLabels[f] ? 1 : 0, paper[f], scores.online()[f]));
                }
            }
        }
        written.add(csv);
        return written;
    }
}
