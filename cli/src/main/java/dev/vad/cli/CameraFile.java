package dev.vad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON file of cameras for {@code --cameras}: an array of camera records as the registry holds them, where
 * {@code schema_version} may be left out (the current one) and so may the fields that have a flag default
 * (width, height, colour, window_frames) or are optional (fps, preset, threshold, ignore_masks, enabled).
 */
final class CameraFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cameras read, or none, with every problem in {@code problems}. */
    static List<Camera> read(Path file, String key, List<ConfigProblem> problems) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
            problems.add(new ConfigProblem(key, "'" + file + "' (" + why + ")",
                    "a readable JSON file: an array of cameras"));
            return List.of();
        }
        if (tree == null || !tree.isArray()) {
            problems.add(new ConfigProblem(key, "'" + file + "', which is not a JSON array",
                    "a JSON array of cameras"));
            return List.of();
        }
        JsonCodec<Camera> codec = JsonCodec.cameras(WireLimits.DEFAULT);
        List<Camera> out = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode entry = tree.get(i);
            if (!(entry instanceof ObjectNode camera)) {
                problems.add(new ConfigProblem(key + " [" + i + "]", entry.toString(), "a camera object"));
                continue;
            }
            defaults(camera);
            try {
                out.add(codec.decode(JSON.writeValueAsBytes(camera)));
            } catch (WireFormatException | IOException e) {
                problems.add(new ConfigProblem(key + " [" + i + "]", e.getMessage(), "a camera record "
                        + "(docs/cameras.md)"));
            }
        }
        return out;
    }

    private static void defaults(ObjectNode camera) {
        if (!camera.has("schema_version")) {
            camera.put("schema_version", Camera.SCHEMA_VERSION);
        }
        if (!camera.has("width")) {
            camera.put("width", CameraFields.WIDTH.defaultValue());
        }
        if (!camera.has("height")) {
            camera.put("height", CameraFields.HEIGHT.defaultValue());
        }
        if (!camera.has("colour")) {
            camera.put("colour", "grey");
        }
        if (!camera.has("window_frames")) {
            camera.put("window_frames", CameraFields.WINDOW_FRAMES.defaultValue());
        }
    }

    private CameraFile() {
    }
}
