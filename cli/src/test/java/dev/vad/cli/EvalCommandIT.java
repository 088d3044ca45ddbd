package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vad eval} on a few clips of UCSD Ped2 for a few steps: the report and the plots come out well-formed. */
class EvalCommandIT {

    private static final Path PED2 = Path.of("..", "..", "shared", "data", "ucsd-ped2");

    @Test
    void writesTheReportAndPlotsForAFewClips(@TempDir Path out) throws Exception {
        assumePed2();
        try (VadProcess eval = VadProcess.start("eval", "--dataset", "ucsd-ped2", "--path", PED2.toString(),
                "--train-clips", "2", "--test-clips", "2", "--steps", "20", "--width", "48", "--height", "32",
                "--out", out.toString())) {
            assertThat(eval.awaitExit(300)).as(String.join("\n", eval.output())).isZero();
            assertThat(eval.output()).anyMatch(line -> line.startsWith("train [####################] 20/20"))
                    .anyMatch(line -> line.startsWith("score [####################] clip 02 (2/2)"))
                    .anyMatch(line -> line.matches("frame AUC \\d+\\.\\d% \\(paper protocol\\), .*"));
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("dataset").asText()).isEqualTo("ucsd-ped2");
        assertThat(report.path("frame_auc_paper").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.path("frame_auc_online").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.path("eer").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.path("clips")).hasSize(2);
        assertThat(report.path("clips").get(0).path("frames").asInt()).isEqualTo(180);
        assertThat(report.path("model").path("kind").asText()).isEqualTo("conv3d");
        assertThat(report.path("validation").isNull()).as("of two training clips none is held out by default").isTrue();
        assertThat(out.resolve("validation_scores.csv")).doesNotExist();
        for (String png : new String[] {"roc.png", "clip-01.png", "clip-02.png"}) {
            assertThat(ImageIO.read(out.resolve(png).toFile())).as(png).isNotNull();
        }
        assertThat(Files.readAllLines(out.resolve("frame_scores.csv"))).hasSize(1 + 2 * 180);
    }

    @Test
    void aHeldOutTrainingClipIsValidatedOnWithPseudoAnomalies(@TempDir Path out) throws Exception {
        assumePed2();
        try (VadProcess eval = VadProcess.start("eval", "--dataset", "ucsd-ped2", "--path", PED2.toString(),
                "--train-clips", "3", "--validation-clips", "1", "--test-clips", "1", "--steps", "10", "--width", "48",
                "--height", "32", "--out", out.toString())) {
            assertThat(eval.awaitExit(300)).as(String.join("\n", eval.output())).isZero();
            assertThat(eval.output()).anyMatch(line -> line.startsWith("validate [####################] clip 02-light"))
                    .anyMatch(line -> line.matches("reverse +150 +50 +\\d+\\.\\d% +\\d+\\.\\d%"))
                    .anyMatch(line -> line.matches("validation frame AUC \\d+\\.\\d% \\(paper protocol\\), .*"
                            + " held-out training clips 02"));
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("model").path("training_clips").asInt()).isEqualTo(2);
        JsonNode validation = report.path("validation");
        assertThat(validation.path("clips").get(0).asText()).isEqualTo("02");
        assertThat(validation.path("frame_auc_paper").asDouble()).isBetween(0.0, 1.0);
        assertThat(validation.path("kinds").path("skip").path("auc_online").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readAllLines(out.resolve("validation_scores.csv"))).hasSize(1 + 5 * 150);
    }

    @Test
    void throughKafkaTheReportIsTheSame(@TempDir Path out) throws Exception {
        assumePed2();
        JsonNode inProcess = report(out.resolve("in-process"));
        JsonNode viaKafka = report(out.resolve("via-kafka"), "--via-kafka");

        assertThat(viaKafka.path("model")).isEqualTo(inProcess.path("model"));
        for (String figure : new String[] {"frame_auc_paper", "frame_auc_online", "eer"}) {
            assertThat(viaKafka.path(figure).asDouble()).as(figure)
                    .isCloseTo(inProcess.path(figure).asDouble(), within(0.005));
        }
    }

    private static void assumePed2() {
        assumeTrue(Files.isDirectory(PED2), "UCSD Ped2 is not at " + PED2.toAbsolutePath().normalize()
                + " (../shared/data beside the checkout); skipping the eval smoke test");
    }

    private static JsonNode report(Path out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("eval", "--dataset", "ucsd-ped2",
                "--path", PED2.toString(), "--train-clips", "2", "--test-clips", "2", "--steps", "20", "--width", "48",
                "--height", "32", "--out", out.toString()));
        args.addAll(List.of(extra));
        try (VadProcess eval = VadProcess.start(args.toArray(String[]::new))) {
            assertThat(eval.awaitExit(300)).as(String.join("\n", eval.output())).isZero();
        }
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }
}
