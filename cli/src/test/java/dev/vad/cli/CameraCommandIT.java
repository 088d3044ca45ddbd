package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vad camera} against a real broker (issue 24): the registry's add, update, remove and list. */
@ExtendWith(RealKafka.class)
class CameraCommandIT {

    private final String topic = UniqueNames.of("cameras");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void camerasAreAddedUpdatedRemovedAndListedWithCredentialsRedacted(KafkaBackend kafka, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cameras.json");
        Files.writeString(file, "[{\"camera_id\": \"yard\", \"source\": \"synthetic:seed=3\", \"fps\": 5,"
                + " \"ignore_masks\": [[[0, 0], [0.5, 0], [0.5, 0.25]]]}]");

        assertThat(camera(kafka, "add", "--camera-id", "gate", "--source", "rtsp://viewer:hunter2@10.0.0.5/live",
                "--width", "96", "--preset", "compact")).isZero();
        assertThat(camera(kafka, "add", "--cameras", file.toString())).isZero();
        assertThat(camera(kafka, "list")).isZero();
        assertThat(out.toString()).contains(
                "gate enabled 96x64 grey window=8 fps=source preset=compact threshold=scorer masks=0"
                        + " source=rtsp://viewer:***@10.0.0.5/live",
                "yard enabled 64x64 grey window=8 fps=5 preset=trainer threshold=scorer masks=1"
                        + " source=synthetic:seed=3", "2 cameras").doesNotContain("hunter2");

        assertThat(camera(kafka, "add", "--camera-id", "gate", "--source", "synthetic:")).isEqualTo(2);
        assertThat(camera(kafka, "update", "--camera-id", "porch", "--fps", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("camera gate: expected a new camera id", "camera porch: expected a camera"
                + " in the registry");

        assertThat(camera(kafka, "update", "--camera-id", "gate", "--threshold", "4.5", "--enabled", "false"))
                .isZero();
        assertThat(camera(kafka, "remove", "--camera-id", "yard")).isZero();
        out.getBuffer().setLength(0);
        assertThat(camera(kafka, "list")).isZero();
        assertThat(out.toString()).contains("gate disabled 96x64 grey window=8 fps=source preset=compact"
                + " threshold=4.5 masks=0").contains("1 camera").doesNotContain("yard");
    }

    @Test
    void aBadCameraIsRefusedWithEveryProblemAndNothingIsWritten(KafkaBackend kafka, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cameras.json");
        Files.writeString(file, "[{\"camera_id\": \"gate\", \"source\": \"synthetic:\"},"
                + " {\"camera_id\": \"gate\", \"source\": \"synthetic:\", \"width\": 4}]");
        assertThat(camera(kafka, "add", "--cameras", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("camera gate: expected each camera once", "camera gate: width");

        assertThat(camera(kafka, "add", "--camera-id", "gate", "--source", "gopher://u:hunter2@host/x",
                "--preset", "fancy", "--ignore-masks", "[[[0,0],[1.5,0],[1,1]]]", "--window-frames", "0")).isEqualTo(2);

        assertThat(err.toString()).contains("camera gate: source", "camera gate: preset",
                "camera gate: ignore_masks[0]", "--window-frames").doesNotContain("hunter2");
        assertThat(camera(kafka, "list")).isZero();
        assertThat(out.toString()).contains("0 cameras");
    }

    @Test
    void listSkipsAndReportsAValueThatIsNotACamera(KafkaBackend kafka) throws Exception {
        assertThat(camera(kafka, "add", "--camera-id", "gate", "--source", "synthetic:")).isZero();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "junk", "{\"schema_version\":9}"
                    .getBytes(StandardCharsets.UTF_8))).get();
        }

        assertThat(camera(kafka, "list")).isZero();

        assertThat(err.toString()).contains("(camera junk): unknown camera version 9, this build reads up to 1");
        assertThat(out.toString()).contains("gate enabled", "1 camera, 1 records skipped");
    }

    private int camera(KafkaBackend kafka, String... args) {
        List<String> all = new ArrayList<>(List.of("camera"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic-cameras", topic));
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }
}
