package dev.vad.common.camera;

import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cameras a registry topic holds, folded from its records in offset order: a camera record under its id adds
 * or replaces the camera, a tombstone (null value) removes it. A record that is not a readable camera, whose key
 * is not its camera id, or that the table's check finds problems with, changes nothing and is kept as skipped, with
 * why.
 */
public final class CameraTable {

    /** A record that is not a readable camera, where it was and why. */
    public record Skipped(String key, int partition, long offset, String reason) {
    }

    private final JsonCodec<Camera> codec = JsonCodec.cameras(WireLimits.DEFAULT);
    private final Function<Camera, List<ConfigProblem>> check;
    private final Map<String, Camera> cameras = new TreeMap<>();
    private final List<Skipped> skipped = new ArrayList<>();

    /** A table of every readable camera, whatever its fields hold (what {@code vad camera} lists and updates). */
    public CameraTable() {
        this(camera -> List.of());
    }

    /** A table of the readable cameras {@code check} finds no problem with; the others are skipped with them. */
    public CameraTable(Function<Camera, List<ConfigProblem>> check) {
        this.check = check;
    }

    /**
     * Applies one record of the topic.
     *
     * @return the skipped record when it was not a camera, else null
     */
    public Skipped apply(String key, byte[] value, int partition, long offset) {
        if (key == null) {
            return skip(new Skipped(null, partition, offset, "record without a camera id key"));
        }
        if (value == null) {
            cameras.remove(key);
            return null;
        }
        try {
            Camera camera = codec.decode(value);
            if (!camera.cameraId().equals(key)) {
                return skip(new Skipped(key, partition, offset, "the key names camera " + key
                        + " but the value camera " + camera.cameraId()));
            }
            List<ConfigProblem> problems = check.apply(camera);
            if (!problems.isEmpty()) {
                return skip(new Skipped(key, partition, offset, String.join("; ", problems.stream()
                        .map(ConfigProblem::toString).toList())));
            }
            cameras.put(key, camera);
            return null;
        } catch (WireFormatException e) {
            return skip(new Skipped(key, partition, offset, e.getMessage()));
        }
    }

    private Skipped skip(Skipped record) {
        skipped.add(record);
        return record;
    }

    /** The cameras now, by id. */
    public Map<String, Camera> cameras() {
        return Collections.unmodifiableMap(new TreeMap<>(cameras));
    }

    /** Every record skipped so far, in the order met. */
    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }
}
