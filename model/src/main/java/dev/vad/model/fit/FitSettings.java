package dev.vad.model.fit;

import dev.vad.common.config.ConfigReader;
import dev.vad.model.ModelKind;
import dev.vad.model.Preset;
import java.util.OptionalInt;

/**
 * How a model is fitted to windows.
 *
 * @param preset        network design
 * @param dimensions    spatial axes (2 = per frame, 3 = window as time x height x width, 4-6 = split views)
 * @param batchWindows  windows per training step
 * @param steps         training steps
 * @param learningRate  Adam learning rate
 * @param seed          seeds initialisation and batch sampling
 * @param patch         side of the patches for the localised score
 */
public record FitSettings(Preset preset, int dimensions, int batchWindows, int steps, double learningRate, long seed,
                          int patch) {

    public FitSettings {
        if (dimensions < preset.minDimensions() || dimensions > preset.maxDimensions()) {
            throw new IllegalArgumentException("preset " + preset.id() + " builds " + preset.minDimensions() + " to "
                    + preset.maxDimensions() + " dimensions, found " + dimensions);
        }
        if (batchWindows < 1 || steps < 0 || !(learningRate > 0) || patch < 1) {
            throw new IllegalArgumentException("fitting needs batchWindows >= 1, steps >= 0, learningRate > 0 and"
                    + " patch >= 1, found " + batchWindows + ", " + steps + ", " + learningRate + ", " + patch);
        }
    }

    /**
     * Reads {@code model} (conv1d..conv6d), {@code preset}, {@code batch-windows}, {@code steps},
     * {@code learning-rate}, {@code seed} and {@code patch}; every problem is recorded in {@code config} (call
     * {@link ConfigReader#validate()}), and the settings returned are usable even then. The preset is
     * {@link Preset#FUTURE} unless given, {@link Preset#COMPACT} for the kinds future-frame prediction does not take
     * (conv1d and conv2d: a frame has no frames before it).
     */
    public static FitSettings load(ConfigReader config, int defaultSteps, double defaultLearningRate) {
        return load(config, new Defaults(Preset.FUTURE, 8, defaultSteps, defaultLearningRate, 8));
    }

    /** As {@link #load(ConfigReader, int, double)}, with other defaults. */
    public static FitSettings load(ConfigReader config, Defaults defaults) {
        OptionalInt named = ModelKind.dimensions(config.string("model", "conv3d"));
        if (named.isEmpty()) {
            config.problem("model", config.found("model"), ModelKind.EXPECTED);
        }
        int dimensions = named.orElse(3);
        Preset preset = config.raw("preset") == null && dimensions < defaults.preset().minDimensions()
                ? Preset.COMPACT : defaults.preset();
        try {
            preset = Preset.fromId(config.string("preset", preset.id()));
        } catch (IllegalArgumentException e) {
            config.problem("preset", config.found("preset"), e.getMessage());
        }
        if (dimensions > preset.maxDimensions()) {
            config.problem("model", config.found("model"), "at most conv" + preset.maxDimensions() + "d for preset "
                    + preset.id());
            dimensions = preset.maxDimensions();
        }
        if (dimensions < preset.minDimensions()) {
            config.problem("model", config.found("model"), "at least conv" + preset.minDimensions() + "d for preset "
                    + preset.id() + " (it predicts frames of a window from the frames before them)");
            dimensions = preset.minDimensions();
        }
        return new FitSettings(preset, dimensions, config.integer("batch-windows", defaults.batchWindows(), 1, 4096),
                config.integer("steps", defaults.steps(), 1, 100_000_000),
                config.decimal("learning-rate", defaults.learningRate(), 1e-7, 1),
                config.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                config.integer("patch", defaults.patch(), 1, 4096));
    }

    /** The values {@link #load} takes when a setting is not given. */
    public record Defaults(Preset preset, int batchWindows, int steps, double learningRate, int patch) {
    }
}
