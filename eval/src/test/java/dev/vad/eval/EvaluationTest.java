package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small dataset written as real JPEGs (a grey block walking across a dark yard; in the test clips a large white
 * cart crosses in frames 12-19), decoded by FFmpeg, trained and scored for real, and written out.
 */
class EvaluationTest {

    private static final int FRAMES = 32;

    @TempDir
    Path root;

    @Test
    void trainsScoresEveryTestFrameAndWritesTheReportAndPlots() throws IOException {
        clip("training/frames/01", false, 0);
        clip("training/frames/02", false, 7);
        clip("testing/frames/01", true, 3);
        clip("testing/frames/02", true, 11);
        StringBuilder labels = new StringBuilder("clip,frame_index0,file,label\n");
        for (String clip : List.of("01", "02")) {
            for (int f = 0; f < FRAMES; f++) {
                labels.append(clip).append(',').append(f).append(",x,").append(anomalous(f) ? 1 : 0).append('\n');
            }
        }
        Files.writeString(root.resolve("testing/frame_labels.csv"), labels);
        EvalSettings settings = new EvalSettings(new FitSettings(Preset.COMPACT, 3, 8, 60, 3e-3, 42, 8), 32, 32, 4, 1,
                10, 10);
        List<String> progress = new ArrayList<>();

        Evaluation.Outcome outcome = Evaluation.run(LabelledDatasets.read("ucsd-ped2", root), settings,
                new Evaluation.Progress() {
                    @Override
                    public void trained(int step, int steps, double loss) {
                        progress.add("step " + step);
                    }

                    @Override
                    public void scored(String clip, int done, int total) {
                        progress.add("clip " + clip);
                    }
                });
        List<Path> files = EvalOutput.write(outcome, root.resolve("out"));

        EvalReport report = outcome.report();
        assertThat(progress).contains("step 1", "step 60", "clip 01", "clip 02");
        assertThat(report.clips()).extracting(EvalReport.ClipResult::frames).containsExactly(FRAMES, FRAMES);
        assertThat(report.clips()).extracting(EvalReport.ClipResult::anomalousFrames).containsExactly(8L, 8L);
        assertThat(report.frameAucPaper()).as("a white cart is far from anything trained on").isGreaterThan(0.9);
        assertThat(report.frameAucOnline()).isBetween(0.0, 1.0);
        assertThat(report.eer()).isBetween(0.0, 0.5);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.json", "roc.png",
                "clip-01.png", "clip-02.png", "frame_scores.csv");
        JsonNode json = new ObjectMapper().readTree(root.resolve("out/report.json").toFile());
        assertThat(json.path("frame_auc_paper").asDouble()).isEqualTo(report.frameAucPaper());
        assertThat(json.has("frame_auc_online")).isTrue();
        assertThat(json.has("eer")).isTrue();
        assertThat(json.path("clips")).hasSize(2);
        assertThat(json.path("model").path("kind").asText()).isEqualTo("conv3d");
        assertThat(ImageIO.read(root.resolve("out/roc.png").toFile()).getWidth()).isEqualTo(560);
        assertThat(ImageIO.read(root.resolve("out/clip-01.png").toFile()).getWidth()).isEqualTo(900);
        assertThat(Files.readAllLines(root.resolve("out/frame_scores.csv"))).hasSize(1 + 2 * FRAMES);
    }

    private static boolean anomalous(int frame) {
        return frame >= 12 && frame < 20;
    }

    private void clip(String folder, boolean withCart, int offset) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        for (int f = 0; f < FRAMES; f++) {
            BufferedImage image = new BufferedImage(72, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(40, 40, 40));
            g.fillRect(0, 0, 72, 48);
            g.setColor(new Color(140, 140, 140));
            g.fillRect((2 * (f + offset)) % 64, 20, 8, 8);
            if (withCart && anomalous(f)) {
                g.setColor(Color.WHITE);
                g.fillRect(4 * (f - 12) + 10, 10, 26, 26);
            }
            g.dispose();
            ImageIO.write(image, "jpg", dir.resolve(String.format("%03d.jpg", f)).toFile());
        }
    }
}
