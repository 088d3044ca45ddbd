package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets given to the services (Kafka client passwords, camera credentials in URLs) never appear in anything they
 * print, whether they run well, fail to reach a source or are given bad settings, nor in the records they write.
 */
@ExtendWith(RealKafka.class)
class SecretsInLogsIT {

    private static final String SECRET = "S3cr3t-7f2c";

    @TempDir
    Path dir;

    @Test
    void noSecretInTheOutputOfIngestTrainOrScoreNorOnTheTopics(KafkaBackend kafka) throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "secrets");
        Path clientConfig = Files.writeString(dir.resolve("client.properties"),
                "ssl.truststore.password=" + SECRET + "\nssl.key.password=" + SECRET + "\n");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<String> output = new ArrayList<>();

        output.addAll(run(pipeline, 1, "ingest",
                "--source", "rtsp://admin:" + SECRET + "@127.0.0.1:" + closed + "/stream",
                "--source", "http://127.0.0.1:" + closed + "/video.mjpg?user=admin&pwd=" + SECRET,
                "--source", "synthetic:?frames=160", "--stream-id", "cam-a", "--stream-id", "cam-b", "--stream-id",
                "scene", "--width", "32", "--height", "32", "--window-frames", "4", "--connect-attempts", "1",
                "--metrics-port", "-1", "--client-config", clientConfig.toString(), "--kafka-property",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"vad\" "
                        + "password=\"" + SECRET + "\";"));
        output.addAll(run(pipeline, 1, "ingest", "--source", "rtsp://admin:" + SECRET + "@127.0.0.1:" + closed
                + "/live", "--connect-attempts", "1", "--metrics-port", "-1"));
        output.addAll(run(pipeline, 2, "ingest", "--source", "gopher://admin:" + SECRET + "@cam/feed",
                "--kafka-property", "ssl.keystore.password=" + SECRET, "--width", "-1"));
        output.addAll(run(pipeline, 0, "train", "--model", "conv2d", "--mode", "fit-then-freeze",
                "--train-windows", "20", "--steps", "4", "--batch-windows", "4", "--metrics-port", "-1",
                "--client-config", clientConfig.toString(), "--kafka-property", "ssl.keystore.password=" + SECRET));
        try (VadProcess scorer = pipeline.start(withKafkaSecrets(pipeline.scoreCommand(), clientConfig))) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                    .until(() -> pipeline.scored().size() >= 40);
            assertThat(scorer.terminate(60)).isEqualTo(143);
            output.addAll(scorer.output());
        }

        assertThat(output).as("the commands printed what they did").anyMatch(line -> line.contains("127.0.0.1"))
                .anyMatch(line -> line.contains("***"));
        assertThat(output).as("no line carries a secret").noneMatch(line -> line.contains(SECRET));
        assertThat(pipeline.windows()).as("no stream id or record carries a secret")
                .noneMatch(w -> w.streamId().contains(SECRET));
        assertThat(pipeline.scores()).isNotEmpty().noneMatch(s -> s.toString().contains(SECRET));
    }

    private static String[] withKafkaSecrets(String[] command, Path clientConfig) {
        List<String> out = new ArrayList<>(Arrays.asList(command));
        out.addAll(List.of("--client-config", clientConfig.toString(), "--kafka-property",
                "sasl.password.hint=" + SECRET));
        return out.toArray(String[]::new);
    }

    private static List<String> run(ProcessPipeline pipeline, int exitCode, String... command) throws Exception {
        try (VadProcess process = pipeline.start(command)) {
            assertThat(process.awaitExit(180)).as(String.join(" ", process.output())).isEqualTo(exitCode);
            return process.output();
        }
    }
}
