package dev.vad.eval;

import dev.vad.common.config.ConfigReader;
import dev.vad.model.ModelKind;
import dev.vad.model.Preset;
import java.util.OptionalInt;

/**
 * How an evaluation is run.
 *
 * @param dimensions    model dimensionality (2 = per frame, 3 = window as time x height x width, 4-6 split views)
 * @param preset        network design
 * @param width         frame width the clips are scaled to
 * @param height        frame height
 * @param windowFrames  frames per window
 * @param trainStride   frames between training windows (overlapping windows give more of them)
 * @param steps         training steps
 * @param batchWindows  windows per step
 * @param learningRate  Adam learning rate
 * @param seed          seeds initialisation, sampling and the validation split
 * @param patch         side of the patches of the localised frame score
 * @param trainingClips training clips used at most
 * @param testClips     test clips scored at most
 */
public record EvalSettings(int dimensions, Preset preset, int width, int height, int windowFrames, int trainStride,
                           int steps, int batchWindows, double learningRate, long seed, int patch,
                           int trainingClips, int testClips) {

    /** Reads every setting, recording each problem in {@code config} (call {@link ConfigReader#validate()}). */
    public static EvalSettings load(ConfigReader config) {
        String kind = config.string("model", "conv3d");
        OptionalInt named = ModelKind.dimensions(kind);
        if (named.isEmpty()) {
            config.problem("model", config.found("model"), ModelKind.EXPECTED);
        }
        int dimensions = named.orElse(3);
        Preset preset = Preset.COMPACT;
        try {
            preset = Preset.fromId(config.string("preset", Preset.COMPACT.id()));
        } catch (IllegalArgumentException e) {
            config.problem("preset", config.found("preset"), e.getMessage());
        }
        if (dimensions > preset.maxDimensions()) {
            config.problem("model", config.found("model"), "at most conv" + preset.maxDimensions() + "d for preset "
                    + preset.id());
            dimensions = preset.maxDimensions();
        }
        int frames = config.integer("window-frames", 8, 1, 256);
        return new EvalSettings(dimensions, preset, config.integer("width", 96, 8, 1024),
                config.integer("height", 64, 8, 1024), frames, config.integer("train-stride", 2, 1, 256),
                config.integer("steps", 2000, 1, 10_000_000), config.integer("batch-windows", 8, 1, 1024),
                config.decimal("learning-rate", 1e-3, 1e-6, 1), config.integer("seed", 42, 0, Integer.MAX_VALUE),
                config.integer("patch", 8, 1, 1024), config.integer("train-clips", 1_000, 1, 1_000_000),
                config.integer("test-clips", 1_000, 1, 1_000_000));
    }
}
