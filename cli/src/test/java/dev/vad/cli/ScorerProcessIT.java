package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code vad score} as a separate process, killed with SIGKILL and restarted: it resumes from its offsets. */
@ExtendWith(RealKafka.class)
class ScorerProcessIT {

    private final String prefix = UniqueNames.of("sproc");

    @Test
    void aKilledScorerResumesFromCommittedOffsetsAndEveryWindowIsScored(KafkaBackend kafka) throws Exception {
        run(kafka, "ingest", "--source", "synthetic:?frames=320", "--stream-id", "first", "--width", "32",
                "--height", "32", "--window-frames", "4", "--metrics-port", "-1");
        run(kafka, "train", "--model", "conv2d", "--mode", "fit-then-freeze", "--train-windows", "30", "--steps", "20",
                "--publish-every-steps", "10", "--batch-windows", "4", "--metrics-port", "-1");

        try (VadProcess first = start(kafka)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> scores(kafka).size() >= 80);
            first.kill();
        }
        run(kafka, "ingest", "--source", "synthetic:?frames=320", "--stream-id", "second", "--width", "32",
                "--height", "32", "--window-frames", "4", "--metrics-port", "-1");
        try (VadProcess second = start(kafka)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> distinct(scores(kafka)) == 160);
            String url = second.output().stream().filter(line -> line.startsWith("metrics at "))
                    .map(line -> line.substring("metrics at ".length())).findFirst().orElseThrow();
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scrape).as("the metrics endpoint exposes the scorer's metrics").contains(
                    "vad_scorer_windows_scored_total{", "vad_scorer_scoring_latency_seconds_bucket{",
                    "vad_scorer_e2e_latency_seconds_count{", "vad_scorer_score{", "vad_scorer_calibrated_score{",
                    "vad_scorer_calibrated_scores_count{", "vad_scorer_threshold{", "vad_scorer_model_version{",
                    "vad_scorer_model_swaps_total{", "vad_scorer_consumer_lag{", "vad_scorer_batch_size_count{",
                    "vad_scorer_windows_skipped_total{", "vad_scorer_models_rejected_total{",
                    "kafka_consumer_fetch_manager_records_consumed_total{");
            assertThat(second.terminate(60)).isEqualTo(143);
            assertThat(second.output()).anyMatch(line -> line.startsWith("conv2d: scored "));
        }

        List<ScoreRecord> scores = scores(kafka);
        assertThat(distinct(scores)).isEqualTo(160);
        assertThat(scores.stream().filter(s -> s.streamId().equals("second")).count())
                .as("windows after the restart are scored once").isEqualTo(80);
        assertThat(scores.size()).as("only windows scored but not yet committed at the kill are scored again")
                .isLessThanOrEqualTo(160 + 80);
    }

    private VadProcess start(KafkaBackend kafka) throws Exception {
        return VadProcess.start(args(kafka, "score", "--model", "conv2d", "--metrics-port", "0", "--viewer-port", "-1"));
    }

    private void run(KafkaBackend kafka, String... command) throws Exception {
        try (VadProcess process = VadProcess.start(args(kafka, command))) {
            assertThat(process.awaitExit(180)).as(String.join(" ", command) + "\n" + process.output()).isZero();
        }
    }

    private String[] args(KafkaBackend kafka, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic-partitions", "2",
                "--topic-frames", prefix + ".frames", "--topic-models", prefix + ".models", "--topic-dlq",
                prefix + ".dlq", "--topic-scores", prefix + ".scores", "--topic-events", prefix + ".events",
                "--topic-reconstructions", prefix + ".reconstructions"));
        return args.toArray(String[]::new);
    }

    private List<ScoreRecord> scores(KafkaBackend kafka) {
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".scores").stream().map(r -> serdes.scoreDeserializer().deserialize("", r.value())).toList();
    }

    private static long distinct(List<ScoreRecord> scores) {
        return scores.stream().map(s -> s.streamId() + "#" + s.sequence()).distinct().count();
    }
}
