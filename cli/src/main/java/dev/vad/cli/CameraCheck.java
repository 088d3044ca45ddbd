package dev.vad.cli;

import dev.vad.common.camera.CameraRules;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.ingest.source.SourceUri;
import dev.vad.model.Preset;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with a camera before it is written to the registry: the record's own rules, a source ingest
 * cannot read (shown with its credentials redacted) and a preset this build does not have.
 */
final class CameraCheck {

    private CameraCheck() {
    }

    static List<ConfigProblem> problems(Camera camera) {
        List<ConfigProblem> out = new ArrayList<>(CameraRules.problems(camera));
        String key = "camera " + camera.cameraId() + ": ";
        if (!camera.source().isBlank()) {
            try {
                SourceUri.parse(camera.source());
            } catch (IllegalArgumentException e) {
                out.add(new ConfigProblem(key + "source", "'" + SourceUri.redact(camera.source()) + "' ("
                        + SourceUri.redact(e.getMessage()) + ")", "a source ingest reads (docs/sources.md)"));
            }
        }
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
