package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vad.core.calibration.ScoreScale;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link GeneratedDataset} decoded by FFmpeg, trained on and scored for real, and written out. */
class EvaluationTest {

    @TempDir
    Path root;

    @Test
    void trainsScoresEveryTestFrameAndWritesTheReportAndPlots() throws IOException {
        GeneratedDataset.write(root);
        EvalSettings settings = GeneratedDataset.settings();
        List<String> progress = new ArrayList<>();

        Evaluation.Outcome outcome = Evaluation.run(LabelledDatasets.read("ucsd-ped2", root), settings,
                recording(progress));
        List<Path> files = EvalOutput.write(outcome, root.resolve("out"));

        EvalReport report = outcome.report();
        assertThat(progress).contains("step 1", "step 60", "clip 01", "clip 02");
        assertThat(report.clips()).extracting(EvalReport.ClipResult::frames)
                .containsExactly(GeneratedDataset.FRAMES, GeneratedDataset.FRAMES);
        assertThat(report.clips()).extracting(EvalReport.ClipResult::anomalousFrames).containsExactly(8L, 8L);
        assertThat(report.frameAucPaper()).as("a white cart is far from anything trained on").isGreaterThan(0.9);
        assertThat(report.frameAucOnline()).isBetween(0.0, 1.0);
        assertThat(report.eer()).isBetween(0.0, 0.5);
        assertThat(report.events().intervals()).as("frames 12-19 of each clip").isEqualTo(2);
        assertThat(report.events().caught() + report.events().missed().size()).isEqualTo(2);
        assertThat(report.events().normalHours()).isCloseTo(2 * 24 / Clip.FOLDER_FPS / 3600, within(1e-12));
        assertThat(report.oneStream().frameAucOnline()).isBetween(0.0, 1.0);
        assertThat(report.oneStream().events().intervals()).isEqualTo(2);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.json", "roc.png",
                "clip-01.png", "clip-02.png", "frame_scores.csv", "validation_scores.csv");
        JsonNode json = new ObjectMapper().readTree(root.resolve("out/report.json").toFile());
        assertThat(json.path("frame_auc_paper").asDouble()).isEqualTo(report.frameAucPaper());
        assertThat(json.has("frame_auc_online")).isTrue();
        assertThat(json.has("eer")).isTrue();
        assertThat(json.path("clips")).hasSize(2);
        assertThat(json.path("events").path("intervals").asInt()).isEqualTo(2);
        assertThat(json.path("events").path("enter_frames").asInt()).isEqualTo(3);
        assertThat(json.path("events").has("false_alarms_per_hour")).isTrue();
        assertThat(json.path("one_stream").path("frame_auc_online").asDouble())
                .isEqualTo(report.oneStream().frameAucOnline());
        assertThat(json.path("one_stream").path("events").has("median_delay_seconds")).isTrue();
        assertThat(json.path("model").path("kind").asText()).isEqualTo("conv3d");
        assertThat(ImageIO.read(root.resolve("out/roc.png").toFile()).getWidth()).isEqualTo(560);
        assertThat(ImageIO.read(root.resolve("out/clip-01.png").toFile()).getWidth()).isEqualTo(900);
        assertThat(Files.readAllLines(root.resolve("out/frame_scores.csv"))).hasSize(1 + 2 * GeneratedDataset.FRAMES);
    }

    @Test
    void theHeldOutTrainingClipMadeAnomalousInEveryWayIsScoredAndReported() throws IOException {
        GeneratedDataset.write(root);
        List<String> progress = new ArrayList<>();

        Evaluation.Outcome outcome = Evaluation.run(LabelledDatasets.read("ucsd-ped2", root),
                GeneratedDataset.settings(), recording(progress));
        EvalOutput.write(outcome, root.resolve("out"));

        EvalReport.Validation validation = outcome.report().validation();
        assertThat(validation.clips()).containsExactly("02");
        assertThat(outcome.report().model()).containsEntry("training_clips", 2);
        assertThat(validation.frameAucPaper()).isBetween(0.0, 1.0);
        assertThat(validation.frameAucOnline()).isBetween(0.0, 1.0);
        assertThat(validation.kinds()).containsOnlyKeys("skip", "reverse", "freeze", "patch", "light")
                .allSatisfy((kind, result) -> {
                    assertThat(result.frames()).as(kind).isEqualTo(GeneratedDataset.FRAMES);
                    assertThat(result.anomalousFrames()).as(kind).isEqualTo(GeneratedDataset.FRAMES / 3);
                    assertThat(result.aucPaper()).as(kind).isBetween(0.0, 1.0);
                    assertThat(result.aucOnline()).as(kind).isBetween(0.0, 1.0);
                });
        assertThat(validation.thresholds()).extracting(ThresholdFigures::threshold).contains(4.0).isSorted();
        assertThat(validation.thresholds()).allSatisfy(at -> {
            assertThat(at.stretches()).as("one stretch per kind").isEqualTo(5);
            assertThat(at.caught()).isBetween(0, 5);
        });
        assertThat(validation.thresholds()).extracting(ThresholdFigures::caught).as("a higher threshold, fewer caught")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(progress).contains("pseudo 02-skip", "pseudo 02-light").doesNotContain("clip 02-skip");
        JsonNode json = new ObjectMapper().readTree(root.resolve("out/report.json").toFile());
        assertThat(json.path("validation").path("clips").get(0).asText()).isEqualTo("02");
        assertThat(json.path("validation").path("frame_auc_paper").asDouble()).isEqualTo(validation.frameAucPaper());
        assertThat(json.path("validation").path("kinds").path("patch").path("auc_online").isNumber()).isTrue();
        assertThat(json.path("validation").path("thresholds").get(0).has("projected_false_alarms_per_hour")).isTrue();
        List<String> csv = Files.readAllLines(root.resolve("out/validation_scores.csv"));
        assertThat(csv).hasSize(1 + 5 * GeneratedDataset.FRAMES)
                .startsWith("clip,kind,frame_index0,label,paper_score,online_score");
        assertThat(csv.get(1)).startsWith("02,skip,0,0,");
        assertThat(csv.stream().filter(line -> line.startsWith("02,light,") && line.split(",")[3].equals("1")))
                .hasSize(GeneratedDataset.FRAMES / 3);
    }

    @Test
    void heldOutClipsAreNotTrainedOnAndWithoutThemNoValidationIsReported() throws IOException {
        GeneratedDataset.write(root);
        LabelledDataset data = LabelledDatasets.read("ucsd-ped2", root);

        Evaluation.Outcome none = Evaluation.run(data, GeneratedDataset.settings(20, ValidationClips.of(0)),
                recording(new ArrayList<>()));
        Evaluation.Outcome one = Evaluation.run(data, GeneratedDataset.settings(20, ValidationClips.of(1)),
                recording(new ArrayList<>()));
        List<Path> files = EvalOutput.write(none, root.resolve("out"));

        assertThat(none.report().validation()).isNull();
        assertThat(none.validation()).isEmpty();
        assertThat(files).extracting(p -> p.getFileName().toString()).doesNotContain("validation_scores.csv");
        assertThat(new ObjectMapper().readTree(root.resolve("out/report.json").toFile()).path("validation").isNull())
                .isTrue();
        assertThat(none.report().model()).containsEntry("training_clips", 3);
        assertThat(one.report().model()).containsEntry("training_clips", 2);
        int windowsOfAll = (int) none.report().model().get("training_windows");
        assertThat((int) one.report().model().get("training_windows")).as("a third of the clips held out")
                .isLessThan(windowsOfAll * 3 / 4);
    }

    @Test
    void aPredictingModelScoresEveryFrameAfterItsContextOnceAndTheContextTakesTheFirstScore() throws IOException {
        GeneratedDataset.write(root);
        EvalSettings base = GeneratedDataset.settings();
        EvalSettings settings = new EvalSettings(new FitSettings(Preset.FUTURE, 3, 2, 60, 3e-3, 42, 8),
                base.width(), base.height(), 6, 1, 20, 10, 10, 1, ScoreScale.LOG,
                ValidationClips.of(1));

        Evaluation.Outcome outcome = Evaluation.run(LabelledDatasets.read("ucsd-ped2", root), settings,
                recording(new ArrayList<>()));

        assertThat(settings.scoreStride()).isEqualTo(2);
        assertThat(outcome.scores()).hasSize(2).allSatisfy(clip -> {
            double[] online = clip.online();
            assertThat(online).hasSize(GeneratedDataset.FRAMES).doesNotContain(Double.NaN);
            assertThat(online[0]).isEqualTo(online[4]);
            assertThat(online[3]).isEqualTo(online[4]);
            assertThat(online[5]).isNotEqualTo(online[4]);
        });
        assertThat(outcome.validation()).hasSize(5).allSatisfy(pseudo -> {
            double[] online = pseudo.scores().online();
            assertThat(online).hasSize(GeneratedDataset.FRAMES).doesNotContain(Double.NaN);
            assertThat(online[0]).isEqualTo(online[4]);
        });
        assertThat(outcome.report().frameAucPaper()).as("the cart's frames are not predictable from the scene")
                .isGreaterThan(0.9);
    }

    private static Evaluation.Progress recording(List<String> progress) {
        return new Evaluation.Progress() {
            @Override
            public void trained(int step, int steps, double loss) {
                progress.add("step " + step);
            }

            @Override
            public void scored(String clip, int done, int total) {
                progress.add("clip " + clip);
            }

            @Override
            public void validated(String clip, int done, int total) {
                progress.add("pseudo " + clip);
            }
        };
    }
}
