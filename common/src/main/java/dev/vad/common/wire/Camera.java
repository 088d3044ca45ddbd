package dev.vad.common.wire;

import java.util.List;
import java.util.Objects;

/**
 * One camera of the registry: the value of {@code vad.cameras} (JSON, compacted, keyed by camera id; a null value
 * removes the camera). The camera id is the stream id of its windows everywhere else. Values are not range-checked
 * here, so a record read from the topic can be inspected; {@link dev.vad.common.camera.CameraRules} lists what is
 * wrong with one.
 *
 * @param schemaVersion JSON schema version, {@value #SCHEMA_VERSION} for this build
 * @param cameraId      1 to 128 of A-Z a-z 0-9 . _ -
 * @param source        what ingest reads, as for {@code --source}; may hold credentials, never printed as is
 * @param width         frame width in pixels after conversion
 * @param height        frame height in pixels after conversion
 * @param colour        grey or rgb
 * @param fps           frames per second to sample at, or null for the source's own rate
 * @param windowFrames  frames per window
 * @param preset        network design of the camera's model, or null for the trainer's {@code --preset}
 * @param threshold     calibrated score above which a window is anomalous, or null for the scorer's
 * @param ignoreMasks   polygons whose pixels count in no score, each at least three corners
 * @param enabled       whether ingest reads the camera
 */
public record Camera(
        int schemaVersion,
        String cameraId,
        String source,
        int width,
        int height,
        CameraColour colour,
        Double fps,
        int windowFrames,
        String preset,
        Double threshold,
        List<List<MaskPoint>> ignoreMasks,
        boolean enabled) {

    public static final int SCHEMA_VERSION = 1;

    public Camera {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(colour, "colour");
        ignoreMasks = ignoreMasks == null ? List.of() : ignoreMasks.stream()
                .map(polygon -> List.copyOf(Objects.requireNonNull(polygon, "ignore mask"))).toList();
    }
}
