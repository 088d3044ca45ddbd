package dev.vad.cli;

import dev.vad.common.camera.CameraRules;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.MaskPoint;
import java.util.List;

/**
 * The fields of one camera as flags of {@code vad camera add} and {@code update}: {@code add} takes the defaults
 * for what is not given, {@code update} keeps the camera's current value.
 */
final class CameraFields {

    static final Setting<String> CAMERA_ID = Setting.text("camera-id", "ID", null,
            "The camera's id, also the stream id of its windows").accepts(CameraRules.ID_EXPECTED);
    static final Setting<String> SOURCE = Setting.text("source", "URI", null,
            "What ingest reads: a video file, image folder, stream URL, camera or synthetic:")
            .accepts("a source ingest reads (docs/sources.md)");
    static final Setting<Integer> WIDTH = Setting.integer("width", 64, CameraRules.MIN_SIZE, CameraRules.MAX_SIZE,
            "Frame width").label("PX");
    static final Setting<Integer> HEIGHT = Setting.integer("height", 64, CameraRules.MIN_SIZE,
            CameraRules.MAX_SIZE, "Frame height").label("PX");
    static final Setting<CameraColour> COLOUR = Setting.choice("colour", CameraColour.class, CameraColour.GREY,
            "Frame colour");
    static final Setting<Double> FPS = Setting.decimal("fps", "FPS", 10, 0.01, CameraRules.MAX_FPS,
            "Frames per second to sample the source at").defaultText("the source's own rate");
    static final Setting<Integer> WINDOW_FRAMES = Setting.integer("window-frames", 8, 1,
            CameraRules.MAX_WINDOW_FRAMES, "Frames per window");
    static final Setting<String> PRESET = Setting.text("preset", "NAME", null,
            "Network design of the camera's model").defaultText("the trainer's --preset").accepts("a preset's name");
    static final Setting<Double> THRESHOLD = Setting.decimal("threshold", "SCORE", 3, 0.001, 1e6,
            "Calibrated score above which a window is anomalous").defaultText("the scorer's");
    static final Setting<String> IGNORE_MASKS = Setting.text("ignore-masks", "POLYGONS", null,
            "Regions no score counts: polygons of corners in fractions of the frame")
            .defaultText("none").accepts(IgnoreMaskText.EXPECTED);
    static final Setting<Boolean> ENABLED = Setting.bool("enabled", true, "Whether ingest reads the camera");

    /** Which camera. */
    static final SettingGroup ID = SettingGroup.of("camera id", CAMERA_ID).readFromFlagsOnly();

    /** The camera's fields. */
    static final SettingGroup SETTINGS = SettingGroup.of("camera", SOURCE, WIDTH, HEIGHT, COLOUR, FPS,
            WINDOW_FRAMES, PRESET, THRESHOLD, IGNORE_MASKS, ENABLED).readFromFlagsOnly();

    private CameraFields() {
    }

    /** The id given; a problem is recorded when there is none. */
    static String cameraId(ConfigReader config) {
        return config.required(CAMERA_ID.key(), CAMERA_ID.accepts());
    }

    /** A new camera from the flags, defaults for the rest; problems recorded in {@code config}. */
    static Camera create(ConfigReader config, String id) {
        String source = config.required(SOURCE.key(), SOURCE.accepts());
        Camera blank = new Camera(Camera.SCHEMA_VERSION, id, source == null ? "" : source, WIDTH.defaultValue(),
                HEIGHT.defaultValue(), COLOUR.defaultValue(), null, WINDOW_FRAMES.defaultValue(), null, null,
                List.of(), ENABLED.defaultValue());
        return over(config, blank);
    }

    /** {@code current} with the fields the flags give replaced; problems recorded in {@code config}. */
    static Camera over(ConfigReader config, Camera current) {
        return new Camera(Camera.SCHEMA_VERSION, current.cameraId(),
                SOURCE.given(config) ? SOURCE.from(config) : current.source(),
                WIDTH.from(config, current.width()), HEIGHT.from(config, current.height()),
                COLOUR.from(config, current.colour()), optional(config, FPS, current.fps()),
                WINDOW_FRAMES.from(config, current.windowFrames()),
                PRESET.given(config) ? blankAsNone(PRESET.from(config)) : current.preset(),
                optional(config, THRESHOLD, current.threshold()),
                IGNORE_MASKS.given(config) ? masks(config) : current.ignoreMasks(),
                ENABLED.from(config, current.enabled()));
    }

    /** True when any field is given. */
    static boolean anyGiven(ConfigReader config) {
        return SETTINGS.settings().stream().anyMatch(s -> s.given(config));
    }

    private static List<List<MaskPoint>> masks(ConfigReader config) {
        try {
            return IgnoreMaskText.parse(IGNORE_MASKS.from(config));
        } catch (IllegalArgumentException e) {
            config.problem(IGNORE_MASKS.key(), config.found(IGNORE_MASKS.key()) + " (" + e.getMessage() + ")",
                    IgnoreMaskText.EXPECTED);
            return List.of();
        }
    }

    /** The value given, none when given empty, {@code current} when not given. */
    private static Double optional(ConfigReader config, Setting<Double> setting, Double current) {
        if (!setting.given(config)) {
            return current;
        }
        return config.raw(setting.key()).isBlank() ? null : setting.from(config);
    }

    private static String blankAsNone(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
