package dev.vad.eval;

import dev.vad.common.config.ConfigReader;
import dev.vad.model.fit.FitSettings;

/**
 * How an evaluation is run.
 *
 * @param fit           how the model is fitted (kind, preset, steps, batch, learning rate, seed, patch)
 * @param width         frame width the clips are scaled to
 * @param height        frame height
 * @param windowFrames  frames per window
 * @param trainStride   frames between training windows (overlapping windows give more of them)
 * @param trainingClips training clips used at most
 * @param testClips     test clips scored at most
 */
public record EvalSettings(FitSettings fit, int width, int height, int windowFrames, int trainStride,
                           int trainingClips, int testClips) {

    /** Reads every setting, recording each problem in {@code config} (call {@link ConfigReader#validate()}). */
    public static EvalSettings load(ConfigReader config) {
        return new EvalSettings(FitSettings.load(config, 2000, 1e-3), config.integer("width", 96, 8, 1024),
                config.integer("height", 64, 8, 1024), config.integer("window-frames", 8, 1, 256),
                config.integer("train-stride", 2, 1, 256), config.integer("train-clips", 1_000, 1, 1_000_000),
                config.integer("test-clips", 1_000, 1, 1_000_000));
    }
}
