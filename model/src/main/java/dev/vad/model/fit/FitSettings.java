package dev.vad.model.fit;

import dev.vad.model.Preset;

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
        if (dimensions < 1 || dimensions > preset.maxDimensions()) {
            throw new IllegalArgumentException("preset " + preset.id() + " builds 1 to " + preset.maxDimensions()
                    + " dimensions, found " + dimensions);
        }
        if (batchWindows < 1 || steps < 0 || !(learningRate > 0) || patch < 1) {
            throw new IllegalArgumentException("fitting needs batchWindows >= 1, steps >= 0, learningRate > 0 and"
                    + " patch >= 1, found " + batchWindows + ", " + steps + ", " + learningRate + ", " + patch);
        }
    }
}
