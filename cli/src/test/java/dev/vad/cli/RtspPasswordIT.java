package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.RtspServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An RTSP camera that refuses the password ingest was given: a clear failure, and the password never printed. */
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
}
