package dev.vad.cli;

import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.ingest.cameras.CameraStream;
import dev.vad.model.Preset;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with a camera before it is written to the registry: what keeps ingest from reading it
 * ({@link CameraStream#problems}) and a preset this build does not have.
 */
final class CameraCheck {

    private CameraCheck() {
    }

    static List<ConfigProblem> problems(Camera camera) {
        List<ConfigProblem> out = new ArrayList<>(CameraStream.problems(camera));
        String key = "camera " + camera.cameraId() + ": ";
        if (camera.preset() != null && !camera.preset().isBlank()) {
            try {
                Preset.fromId(camera.preset());
            } catch (IllegalArgumentException e) {
                out.add(new ConfigProblem(key + "preset", "'" + camera.preset() + "'", "a preset's name: "
                        + presetNames()));
            }
        }
        return out;
    }

    private static String presetNames() {
        return String.join(", ", java.util.Arrays.stream(Preset.values()).map(Preset::id).toList());
    }
}
