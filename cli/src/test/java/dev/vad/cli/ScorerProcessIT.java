package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.wire.ScoreRecord;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code vad score} as a separate process, killed with SIGKILL and restarted: it resumes from its offsets. */
@ExtendWith(RealKafka.class)
class ScorerProcessIT {

    @Test
    void aKilledScorerResumesFromCommittedOffsetsAndEveryWindowIsScored(KafkaBackend kafka) throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "sproc");
        pipeline.ingest("first", 320);
        pipeline.trainFirstModel();

        try (VadProcess first = pipeline.start(pipeline.scoreCommand())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.scores().size() >= 80);
            first.kill();
        }
        pipeline.ingest("second", 320);
        try (VadProcess second = pipeline.start(pipeline.scoreCommand())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.scored().size() == 160);
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

        List<ScoreRecord> scores = pipeline.scores();
        assertThat(pipeline.scored()).hasSize(160);
        assertThat(scores.stream().filter(s -> s.streamId().equals("second")).count())
                .as("windows after the restart are scored once").isEqualTo(80);
        assertThat(scores.size()).as("only windows scored but not yet committed at the kill are scored again")
                .isLessThanOrEqualTo(160 + 80);
    }
}
