package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.RtspServer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RTSP camera with a password, as the commands meet it: {@code vad probe} with the right one reads it, and
 * ingest given a wrong one fails clearly, the password never printed.
 */
@ExtendWith(RealKafka.class)
class RtspPasswordIT {

    private static final String WRONG = "Wr0ng-4e1d";
    private static final String RIGHT = "R1ght-90c3";

    @BeforeEach
    void requireGstreamer() {
        assumeThat(RtspServer.unavailableReason())
                .as("GStreamer's RTSP server plays the camera; ./run-tests installs it").isEmpty();
    }

    @Test
    void aWrongCameraPasswordEndsIngestWithExitCodeOneAndAClearLineWithoutThePassword(KafkaBackend kafka)
            throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "rtsp-password");
        try (RtspServer camera = RtspServer.endless(10).withCredentials("admin", RIGHT).start();
             VadProcess ingest = pipeline.start("ingest", "--source", camera.url("admin", WRONG), "--stream-id",
                     "door", "--connect-attempts", "1", "--metrics-port", "-1")) {
            assertThat(ingest.awaitExit(120)).as(String.join("\n", ingest.output())).isEqualTo(1);
            List<String> output = ingest.output();
            assertThat(output).as("says which camera refused and why")
                    .anyMatch(line -> line.contains("rtsp://admin:***@127.0.0.1:" + camera.port() + "/stream")
                            && line.contains("401 Unauthorized"));
            assertThat(output).as("no line carries a password").noneMatch(line -> line.contains(WRONG))
                    .noneMatch(line -> line.contains(RIGHT));
        }
    }

    @Test
    void probeReadsTheCameraWithTheRightPasswordAndPrintsItMasked(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("door.png");
        try (RtspServer camera = RtspServer.endless(10).withCredentials("admin", RIGHT).start();
             VadProcess probe = VadProcess.start("probe", camera.url("admin", RIGHT), "--png", png.toString())) {
            assertThat(probe.awaitExit(60)).as(String.join("\n", probe.output())).isZero();
            assertThat(probe.output()).contains("source       rtsp://admin:***@127.0.0.1:" + camera.port() + "/stream",
                    "container    rtsp", "fps          10.00", "size         160x120, aspect 1.33", "length       not stated (live streams have none)")
                    .anyMatch(line -> line.startsWith("codec        h264"))
                    .noneMatch(line -> line.contains(RIGHT));
        }
        assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
    }
}
