package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a command reads from the environment (issue 24: a camera's fields come from its own flags only). */
class ServiceConfigTest {

    private static final Map<String, String> BESIDE_INGEST = Map.of("VAD_BOOTSTRAP_SERVERS", "k:9092",
            "VAD_SOURCE", "rtsp://cam/1", "VAD_WIDTH", "96", "VAD_CAMERA_ID", "gate", "VAD_CAMERAS", "all.json",
            "VAD_TOPIC_CAMERAS", "site.cameras");

    @Test
    void cameraCommandsIgnoreTheVariablesOfCameraFieldsButReadKafkasAndTheTopics() {
        CommandLine camera = Main.commandLine().getSubcommands().get("camera");
        for (String sub : new String[] {"add", "update"}) {
            assertThat(ServiceConfig.environment(camera.getSubcommands().get(sub).getCommandSpec(), BESIDE_INGEST))
                    .as(sub).containsOnlyKeys("VAD_BOOTSTRAP_SERVERS", "VAD_TOPIC_CAMERAS");
        }
        assertThat(ServiceConfig.environment(camera.getSubcommands().get("remove").getCommandSpec(), BESIDE_INGEST))
                .doesNotContainKey("VAD_CAMERA_ID").containsKeys("VAD_BOOTSTRAP_SERVERS", "VAD_TOPIC_CAMERAS");
    }

    @Test
    void aServiceReadsEveryVariableOfItsSettings() {
        CommandLine ingest = Main.commandLine().getSubcommands().get("ingest");
        assertThat(ServiceConfig.environment(ingest.getCommandSpec(), BESIDE_INGEST)).isEqualTo(BESIDE_INGEST);
    }
}
