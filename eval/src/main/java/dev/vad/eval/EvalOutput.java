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
 * Writes an evaluation's files: {@code report.json}, {@code roc.png}, {@code clip-<name>.png} per test clip,
 * {@code frame_scores.csv} (clip, frame, label, paper-protocol score, online score) and, when training clips were
 * held out, {@code validation_scores.csv} (the same per held-out clip and kind of pseudo-anomaly).
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
        EvalPlots.roc(roc, Evaluation.roc(outcome.scores(), true), Evaluation.roc(outcome.scores(), false));
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
                rows(out, scores.clip().name(), scores);
            }
        }
        written.add(csv);
        if (!outcome.validation().isEmpty()) {
            Path validation = directory.resolve("validation_scores.csv");
            try (Writer out = Files.newBufferedWriter(validation)) {
                out.write("clip,kind,frame_index0,label,paper_score,online_score\n");
                for (PseudoScores scores : outcome.validation()) {
                    rows(out, scores.clip() + "," + scores.kind(), scores.scores());
                }
            }
            written.add(validation);
        }
        return written;
    }

    /** One line per frame: {@code key}, the frame index, its label, its paper-protocol and its online score. */
    private static void rows(Writer out, String key, ClipScores scores) throws IOException {
        double[] paper = scores.normalised();
        boolean[] labels = scores.labels();
        for (int f = 0; f < paper.length; f++) {
            out.write(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f%n", key, f, labels[f] ? 1 : 0, paper[f],
                    scores.online()[f]));
        }
    }
}
