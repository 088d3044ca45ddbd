package dev.vad.model.fit;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.model.ModelKind;
import dev.vad.model.Preset;
import java.util.List;
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

    public static final Setting<String> MODEL = Setting.text("model", "KIND", "conv3d",
            "conv1d, conv2d, conv3d, conv4d, conv5d or conv6d").accepts(ModelKind.EXPECTED);
    public static final Setting<String> PRESET = Setting.text("preset", "NAME", Preset.FUTURE.id(),
            "Network design: future, compact, compact32, deep, simple, dense or wide")
            .defaultText("future; compact for conv1d and conv2d, which future does not take")
            .accepts("a preset's name");
    public static final Setting<Integer> STEPS = Setting.integer("steps", 600, 1, 100_000_000,
            "Training steps of a finite fit");
    public static final Setting<Integer> BATCH_WINDOWS = Setting.integer("batch-windows", 8, 1, 4096,
            "Windows per training step");
    public static final Setting<Double> LEARNING_RATE = Setting.decimal("learning-rate", "LR", 3e-3, 1e-7, 1,
            "Adam learning rate");
    public static final Setting<Long> SEED = Setting.longInteger("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE,
            "Seed of initialisation and sampling");
    public static final Setting<Integer> PATCH = Setting.integer("patch", 8, 1, 4096,
            "Side of the localised score's patches, in pixels").label("PX");

    /** How a model is fitted: network, steps, batch, learning rate, seed, patch (the kind is each command's). */
    public static final List<Setting<?>> SETTINGS = List.of(PRESET, STEPS, BATCH_WINDOWS, LEARNING_RATE, SEED,
            PATCH);

    /**
     * Reads {@code model} (conv1d..conv6d), {@code preset}, {@code batch-windows}, {@code steps},
     * {@code learning-rate}, {@code seed} and {@code patch}; every problem is recorded in {@code config} (call
     * {@link ConfigReader#validate()}), and the settings returned are usable even then. The preset is
     * {@link Preset#FUTURE} unless given, {@link Preset#COMPACT} for the kinds future-frame prediction does not take
     * (conv1d and conv2d: a frame has no frames before it).
     */
    public static FitSettings load(ConfigReader config, int defaultSteps, double defaultLearningRate) {
        return load(config, new Defaults(Preset.FUTURE, BATCH_WINDOWS.defaultValue(), defaultSteps,
                defaultLearningRate, PATCH.defaultValue()));
    }

    /** As {@link #load(ConfigReader, int, double)}, with other defaults. */
    public static FitSettings load(ConfigReader config, Defaults defaults) {
        OptionalInt named = ModelKind.dimensions(MODEL.from(config));
        if (named.isEmpty()) {
            config.problem("model", config.found("model"), ModelKind.EXPECTED);
        }
        int dimensions = named.orElse(3);
        Preset preset = !PRESET.given(config) && dimensions < defaults.preset().minDimensions()
                ? Preset.COMPACT : defaults.preset();
        try {
            preset = Preset.fromId(PRESET.from(config, preset.id()));
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
        return new FitSettings(preset, dimensions, BATCH_WINDOWS.from(config, defaults.batchWindows()),
                STEPS.from(config, defaults.steps()), LEARNING_RATE.from(config, defaults.learningRate()),
                SEED.from(config), PATCH.from(config, defaults.patch()));
    }

    /** The values {@link #load} takes when a setting is not given. */
    public record Defaults(Preset preset, int batchWindows, int steps, double learningRate, int patch) {
    }
}
