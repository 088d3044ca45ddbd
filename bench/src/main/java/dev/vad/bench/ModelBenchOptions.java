package dev.vad.bench;

import dev.vad.model.Preset;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@code vad bench train|infer}.
 *
 * @param mode             train ({@code fit}) or infer ({@code reconstruct})
 * @param presets          designs to time (default compact, deep, compact32 and future)
 * @param dimensions       2 (per frame {@code [H, W]}) and/or 3 (window {@code [T, H, W]}) (default both); a
 *                         predicting preset ({@code future}) only in 3D
 * @param batch            examples per step (default 32)
 * @param frames           window length T of the 3D cases (default 8)
 * @param height           frame height in pixels of the autoencoders (default 64)
 * @param width            frame width in pixels of the autoencoders (default 64)
 * @param predictorHeight  frame height of a predicting preset (default 96, the eval's)
 * @param predictorWidth   frame width of a predicting preset (default 144, the eval's)
 * @param threads          native threads of both engines (default 2)
 * @param warmUpIterations untimed steps first (default 3)
 * @param warmUpSeconds    untimed steps also until this many seconds have passed (default 10): the JVM
 *                         compiles the engine's own code while it runs, far longer than three steps of a small model
 *                         take
 * @param timedIterations  steps per timed run (default 10)
 * @param repeats          timed runs; the median is reported (default 3)
 * @param seed             seed of the parameters and the batch (default 42)
 */
public record ModelBenchOptions(BenchMode mode, List<Preset> presets, List<Integer> dimensions, int batch,
        int frames, int height, int width, int predictorHeight, int predictorWidth, int threads,
        int warmUpIterations, double warmUpSeconds, int timedIterations, int repeats, long seed) {

    public ModelBenchOptions {
        presets = List.copyOf(presets);
        dimensions = List.copyOf(dimensions);
        List<String> problems = new ArrayList<>();
        if (mode == null) {
            problems.add("mode is missing (train or infer)");
        }
        if (presets.isEmpty()) {
            problems.add("presets: at least one is needed (compact, deep, compact32, future)");
        }
        if (dimensions.isEmpty() || dimensions.stream().anyMatch(d -> d != 2 && d != 3)) {
            problems.add("dimensions must be 2 and/or 3, found " + dimensions);
        }
        positive(problems, "batch", batch);
        positive(problems, "frames", frames);
        positive(problems, "height", height);
        positive(problems, "width", width);
        positive(problems, "predictor height", predictorHeight);
        positive(problems, "predictor width", predictorWidth);
        positive(problems, "threads", threads);
        positive(problems, "timed iterations", timedIterations);
        positive(problems, "repeats", repeats);
        if (warmUpIterations < 0) {
            problems.add("warm-up iterations must be 0 or more, found " + warmUpIterations);
        }
        if (!(warmUpSeconds >= 0) || Double.isInfinite(warmUpSeconds)) {
            problems.add("warm-up seconds must be 0 or more, found " + warmUpSeconds);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid model benchmark options: " + String.join("; ", problems));
        }
    }

    /**
     * compact, deep and compact32 in 2D and 3D at 64x64 grey, future in 3D at the eval's 144x96; 8 frames,
     * batch 32, 2 threads.
     */
    public static ModelBenchOptions defaults(BenchMode mode) {
        return new ModelBenchOptions(mode, List.of(Preset.COMPACT, Preset.DEEP, Preset.COMPACT32, Preset.FUTURE),
                List.of(2, 3), 32, 8, 64, 64, 96, 144, 2, 3, 10, 10, 3, 42);
    }

    public ModelBenchOptions withThreads(int newThreads) {
        return new ModelBenchOptions(mode, presets, dimensions, batch, frames, height, width, predictorHeight,
                predictorWidth, newThreads, warmUpIterations, warmUpSeconds, timedIterations, repeats, seed);
    }

    public ModelBenchOptions withIterations(int warmUp, int timed, int newRepeats) {
        return new ModelBenchOptions(mode, presets, dimensions, batch, frames, height, width, predictorHeight,
                predictorWidth, threads, warmUp, warmUpSeconds, timed, newRepeats, seed);
    }

    public ModelBenchOptions withWarmUpSeconds(double seconds) {
        return new ModelBenchOptions(mode, presets, dimensions, batch, frames, height, width, predictorHeight,
                predictorWidth, threads, warmUpIterations, seconds, timedIterations, repeats, seed);
    }

    /** Whether a warm-up of {@code steps} steps over {@code elapsedNanos} is enough: both minimums are reached. */
    public boolean warmedUp(int steps, long elapsedNanos) {
        return steps >= warmUpIterations && elapsedNanos >= warmUpSeconds * 1e9;
    }

    public ModelBenchOptions withShape(List<Preset> newPresets, List<Integer> newDimensions, int newBatch,
            int newFrames, int newHeight, int newWidth) {
        return new ModelBenchOptions(mode, newPresets, newDimensions, newBatch, newFrames, newHeight, newWidth,
                predictorHeight, predictorWidth, threads, warmUpIterations, warmUpSeconds, timedIterations, repeats,
                seed);
    }

    /** The frame size of every case of a predicting preset. */
    public ModelBenchOptions withPredictorSize(int newHeight, int newWidth) {
        return new ModelBenchOptions(mode, presets, dimensions, batch, frames, height, width, newHeight, newWidth,
                threads, warmUpIterations, warmUpSeconds, timedIterations, repeats, seed);
    }

    /**
     * Windows per step of a case: {@link #batch()} for an autoencoder; for a predicting preset, which predicts each
     * window's frames after its context, as many windows as make {@link #batch()} predicted frames (at least one),
     * so that every case's network takes about the same number of examples a step.
     */
    public int batchOf(BenchCase c) {
        int context = c.preset().contextFrames();
        if (context == 0) {
            return batch;
        }
        int predicted = c.spatialShape().get(0) - context;
        return Math.max(1, batch / Math.max(1, predicted));
    }

    /**
     * Every preset at every dimensionality it takes, presets first, in the order given; 1 channel (grey). A
     * predicting preset runs at its own frame size.
     */
    public List<BenchCase> cases() {
        List<BenchCase> cases = new ArrayList<>();
        for (Preset preset : presets) {
            boolean predicting = preset.contextFrames() > 0;
            int h = predicting ? predictorHeight : height;
            int w = predicting ? predictorWidth : width;
            for (int d : dimensions) {
                if (d >= preset.minDimensions() && d <= preset.maxDimensions()) {
                    cases.add(new BenchCase(preset, d, 1, d == 2 ? List.of(h, w) : List.of(frames, h, w)));
                }
            }
        }
        return cases;
    }

    private static void positive(List<String> problems, String name, int value) {
        if (value < 1) {
            problems.add(name + " must be at least 1, found " + value);
        }
    }
}
