package dev.vad.cli;

import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.ingest.IngestSettings;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.scorer.ScorerSettings;
import dev.vad.trainer.TrainerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo runs: the settings of its ingest, its fit-then-freeze trainer and its scorer, the user's flags over
 * the demo's choices, and every problem found in them.
 */
record DemoPlan(IngestSettings ingest, TrainerSettings trainer, ScorerSettings scorer, List<ConfigProblem> problems) {

    private static final int WINDOW_FRAMES = 8;
    /** Frames of the scene the trainer learns from by default, in window starts: the synthetic scene's first 29 s. */
    private static final int TRAIN_FRAMES = 720;

    static final Setting<String> SOURCE = Setting.text("source", "URI", "synthetic:",
            "Video file, image folder, stream URL, camera or synthetic:");
    static final Setting<Duration> DURATION = Setting.duration("duration", Duration.ZERO, "Stop after this long,"
            + " e.g. 2m").defaultText("Ctrl-C, or the end of a file once scored");
    static final Setting<Boolean> REALTIME = Setting.bool("realtime", true,
            "Play files and the synthetic scene at their frame rate");
    static final Setting<Integer> TRAIN_WINDOWS = TrainerSettings.TRAIN_WINDOWS.defaultText("the scene's first 29 s:"
            + " 180 windows for a predicting preset, 90 otherwise");
    static final Setting<Integer> STEPS = FitSettings.STEPS.withDefault(300);
    static final Setting<Integer> METRICS_PORT_BASE = Setting.integer("metrics-port-base", 9401, -1, 65_533,
            "Metrics of ingest, trainer and scorer on this port and the next two; -1 none").label("PORT");

    /** What the demo runs and how (its services' other settings are the demo's choices). */
    static final SettingGroup SETTINGS = SettingGroup.of("demo", SOURCE, DURATION, FitSettings.MODEL,
            FitSettings.PRESET, REALTIME, TRAIN_WINDOWS, STEPS, METRICS_PORT_BASE);

    /**
     * @param given           the flags the user gave
     * @param bootstrap       the broker every service uses, or null for the user's setting
     * @param portBase        the ingest metrics port, the trainer's and the scorer's the next two; -1 none
     * @param kafkaProperties the user's Kafka client settings
     */
    static DemoPlan of(Map<String, String> given, String bootstrap, int portBase, List<String> kafkaProperties) {
        int stride = strideFrames(FitSettings.load(new ConfigReader(given, System.getenv()), 1, 1e-3).preset());
        ConfigReader trainerConfig = reader(given, bootstrap, Map.of("mode", "fit-then-freeze",
                TRAIN_WINDOWS.key(), Integer.toString(TRAIN_FRAMES / stride),
                STEPS.key(), Integer.toString(STEPS.defaultValue()), "publish-every-steps", "50",
                "metrics-port", port(portBase, 1)));
        TrainerSettings trainer = TrainerSettings.load(trainerConfig, null, null, kafkaProperties, true);
        ConfigReader ingestConfig = reader(given, bootstrap, Map.of("width", "64", "height", "64",
                "window-frames", Integer.toString(WINDOW_FRAMES), "stride-frames", Integer.toString(stride),
                REALTIME.key(), Boolean.toString(REALTIME.defaultValue()), "metrics-port", port(portBase, 0)));
        IngestSettings ingest = IngestSettings.load(ingestConfig, List.of(given.getOrDefault(SOURCE.key(),
                SOURCE.defaultValue())), List.of(), kafkaProperties, true);
        ConfigReader scorerConfig = reader(given, bootstrap, Map.of("metrics-port", port(portBase, 2),
                "reconstruction-every", "1"));
        ScorerSettings scorer = ScorerSettings.load(scorerConfig, null, null, kafkaProperties, true);
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigReader r : List.of(ingestConfig, trainerConfig, scorerConfig)) {
            r.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        return new DemoPlan(ingest, trainer, scorer, problems);
    }

    /**
     * Frames between window starts: a window's length for an autoencoder; for a predicting preset the frames it
     * predicts, so that windows overlap by its context and the trainer learns to predict every frame.
     */
    private static int strideFrames(Preset preset) {
        int context = preset.contextFrames();
        return context > 0 && context < WINDOW_FRAMES ? WINDOW_FRAMES - context : WINDOW_FRAMES;
    }

    private static String port(int base, int offset) {
        return base < 0 ? "-1" : Integer.toString(base + offset);
    }

    /** A reader over the user's flags, the demo's choices for one service and the environment. */
    private static ConfigReader reader(Map<String, String> given, String bootstrap, Map<String, String> choices) {
        Map<String, String> flags = new HashMap<>(choices);
        flags.putAll(given);
        choices.forEach((key, value) -> {
            if (key.equals("metrics-port")) {
                flags.put(key, value);
            }
        });
        if (bootstrap != null) {
            flags.put("bootstrap-servers", bootstrap);
        }
        return new ConfigReader(flags, System.getenv());
    }
}
