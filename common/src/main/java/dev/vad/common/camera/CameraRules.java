package dev.vad.common.camera;

import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.MaskPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a camera record must hold, checked without opening anything: the id, sizes, rates, window, threshold and
 * ignore masks. Whether the source and preset name something this build reads is checked where ingest and the
 * models are known (the {@code camera} command). Every problem is listed, keyed {@code camera ID: field}.
 */
public final class CameraRules {

    /** Camera ids: they are stream ids and Kafka keys, and appear in model keys and metric tags. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    public static final String ID_EXPECTED = "1 to 128 of A-Z a-z 0-9 . _ -";
    public static final int MIN_SIZE = 8;
    public static final int MAX_SIZE = 4096;
    public static final int MAX_WINDOW_FRAMES = 1024;
    public static final double MAX_FPS = 1000;
    public static final int MIN_MASK_CORNERS = 3;

    private CameraRules() {
    }

    public static List<ConfigProblem> problems(Camera camera) {
        List<ConfigProblem> out = new ArrayList<>();
        String id = camera.cameraId();
        if (!ID.matcher(id).matches()) {
            out.add(problem(id, "camera_id", "'" + id + "'", ID_EXPECTED));
        }
        if (camera.source().isBlank() || !camera.source().strip().equals(camera.source())) {
            out.add(problem(id, "source", camera.source().isBlank() ? "nothing" : "spaces around it",
                    "a file, folder, URL, camera or synthetic: without leading or trailing spaces"));
        }
        range(out, id, "width", camera.width(), MIN_SIZE, MAX_SIZE);
        range(out, id, "height", camera.height(), MIN_SIZE, MAX_SIZE);
        range(out, id, "window_frames", camera.windowFrames(), 1, MAX_WINDOW_FRAMES);
        Double fps = camera.fps();
        if (fps != null && !(fps > 0 && fps <= MAX_FPS)) {
            out.add(problem(id, "fps", String.valueOf(fps), "a rate above 0 and at most " + (int) MAX_FPS
                    + ", or none for the source's own"));
        }
        Double threshold = camera.threshold();
        if (threshold != null && !(threshold > 0 && Double.isFinite(threshold))) {
            out.add(problem(id, "threshold", String.valueOf(threshold),
                    "a calibrated score above 0, or none for the scorer's"));
        }
        if (camera.preset() != null && camera.preset().isBlank()) {
            out.add(problem(id, "preset", "''", "a preset's name, or none for the trainer's"));
        }
        masks(out, id, camera.ignoreMasks());
        return out;
    }

    private static void masks(List<ConfigProblem> out, String id, List<List<MaskPoint>> masks) {
        for (int i = 0; i < masks.size(); i++) {
            List<MaskPoint> polygon = masks.get(i);
            String field = "ignore_masks[" + i + "]";
            if (polygon.size() < MIN_MASK_CORNERS) {
                out.add(problem(id, field, polygon.size() + " corners", "a polygon of at least "
                        + MIN_MASK_CORNERS + " corners"));
            }
            for (MaskPoint p : polygon) {
                if (!(inUnit(p.x()) && inUnit(p.y()))) {
                    out.add(problem(id, field, "[" + p.x() + ", " + p.y() + "]",
                            "corners [x, y] with x and y fractions of the frame from 0 to 1"));
                }
            }
        }
    }

    private static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }

    private static void range(List<ConfigProblem> out, String id, String field, int value, int min, int max) {
        if (value < min || value > max) {
            out.add(problem(id, field, Integer.toString(value), "an integer from " + min + " to " + max));
        }
    }

    private static ConfigProblem problem(String id, String field, String found, String expected) {
        return new ConfigProblem("camera " + id + ": " + field, found, expected);
    }
}
