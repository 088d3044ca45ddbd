package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.MaskPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camera from {@code vad camera}'s flags or a {@code --cameras} file (issue 24), before any broker. */
class CameraFieldsTest {

    @Test
    void addTakesTheDefaultsForWhatIsNotGiven() {
        ConfigReader config = new ConfigReader(Map.of("source", "synthetic:", "fps", "12.5"), Map.of());

        Camera camera = CameraFields.create(config, "gate");

        assertThat(camera).isEqualTo(new Camera(1, "gate", "synthetic:", 64, 64, CameraColour.GREY, 12.5, 8, null,
                null, List.of(), true));
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void updateChangesOnlyTheFieldsGivenAndAnEmptyValueClearsAnOptionalOne() {
        ConfigReader config = new ConfigReader(Map.of("width", "128", "preset", "", "ignore-masks", "",
                "fps", " "), Map.of());
        Camera before = new Camera(1, "gate", "rtsp://cam/live", 64, 48, CameraColour.RGB, 10.0, 8, "compact", 3.5,
                List.of(List.of(new MaskPoint(0, 0), new MaskPoint(1, 0), new MaskPoint(1, 1))), true);

        Camera after = CameraFields.over(config, before);

        assertThat(after).isEqualTo(new Camera(1, before.cameraId(), before.source(), 128, before.height(),
                before.colour(), null, before.windowFrames(), null, before.threshold(), List.of(),
                before.enabled()));
    }

    @Test
    void aMaskThatIsNotJsonIsAProblemOfItsFlag() {
        ConfigReader config = new ConfigReader(Map.of("source", "synthetic:", "ignore-masks", "0,0 1,0 1,1"),
                Map.of());

        CameraFields.create(config, "gate");

        assertThat(config.problems()).extracting(ConfigProblem::key)
                .containsExactly("--ignore-masks / VAD_IGNORE_MASKS");
    }

    @Test
    void aCameraFileFillsDefaultsAndListsEveryEntryItCannotRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cameras.json");
        Files.writeString(file, "[{\"camera_id\": \"yard\", \"source\": \"synthetic:\","
                + " \"ignore_masks\": [[[0, 0], [1, 0], [1, 1]]]}, 7, {\"source\": \"synthetic:\"},"
                + " {\"camera_id\": \"porch\", \"source\": \"synthetic:\", \"schema_version\": 3}]");
        List<ConfigProblem> problems = new ArrayList<>();

        List<Camera> cameras = CameraFile.read(file, "--cameras", problems);

        assertThat(cameras).containsExactly(new Camera(1, "yard", "synthetic:", 64, 64, CameraColour.GREY, null, 8,
                null, null, List.of(List.of(new MaskPoint(0, 0), new MaskPoint(1, 0), new MaskPoint(1, 1))), true));
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("--cameras [1]", "--cameras [2]",
                "--cameras [3]");
        assertThat(problems.get(2).found()).contains("unknown camera version 3");
    }

    @Test
    void aSourceIngestDoesNotReadAndAnUnknownPresetAreProblemsAndPasswordsAreNotShown() {
        Camera camera = new Camera(1, "gate", "gopher://u:hunter2@host/x", 64, 64, CameraColour.GREY, null, 8,
                "fancy", null, List.of(), true);

        assertThat(CameraCheck.problems(camera)).extracting(ConfigProblem::key)
                .containsExactly("camera gate: source", "camera gate: preset");
        assertThat(CameraCheck.problems(camera).toString()).doesNotContain("hunter2");
    }
}
