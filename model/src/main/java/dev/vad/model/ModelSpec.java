package dev.vad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What an autoencoder is: its preset, input channels, spatial input shape (outermost axis first; its length is
 * the dimensionality, 1-6), Adam learning rate and initialisation seed. Examples are {@code [channels,
 * spatialShape...]}; batches add a leading batch axis.
 *
 * @param preset       the design
 * @param channels     1 for grey, 3 for RGB
 * @param spatialShape lengths of the spatial axes, e.g. {@code [64, 64]} for 2D frames, {@code [8, 64, 64]} for
 *                     a 3D window, {@code [4, 4, 64, 64]} for the 4D view of 16 frames
 * @param learningRate Adam's learning rate (the presets' reference value is 1e-3)
 * @param seed         seed of the parameter initialisation and dropout masks
 */
public record ModelSpec(Preset preset, int channels, List<Integer> spatialShape, double learningRate, long seed) {
    /** The reference learning rate of the presets. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    public ModelSpec {
        spatialShape = List.copyOf(spatialShape);
        List<String> problems = new ArrayList<>();
        if (preset == null) {
            problems.add("preset is missing");
        }
        if (channels < 1) {
            problems.add("channels must be at least 1, found " + channels);
        }
        if (spatialShape.isEmpty() || spatialShape.size() > 6) {
            problems.add("spatial shape must have 1-6 axes, found " + spatialShape);
        }
        if (spatialShape.stream().anyMatch(l -> l < 1)) {
            problems.add("spatial lengths must be positive, found " + spatialShape);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learning rate must be a positive number, found " + learningRate);
        }
        if (preset != null && spatialShape.size() > preset.maxDimensions()) {
            problems.add(preset.id() + " supports up to " + preset.maxDimensions() + " spatial axes, found "
                    + spatialShape.size());
        }
        int context = preset == null ? 0 : preset.contextFrames();
        if (context > 0 && (spatialShape.size() < 3 || spatialShape.size() > 6
                || WindowView.windowLengths(lengths(spatialShape))[0] <= context)) {
            problems.add(preset.id() + " predicts each frame from the " + context + " before it and takes a 3D-6D"
                    + " view of a window of more than " + context + " frames, found " + spatialShape);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid model spec: " + String.join("; ", problems));
        }
    }

    /** A spec with the reference learning rate. */
    public static ModelSpec of(Preset preset, int channels, long seed, int... spatialShape) {
        List<Integer> shape = new ArrayList<>();
        for (int l : spatialShape) {
            shape.add(l);
        }
        return new ModelSpec(preset, channels, shape, DEFAULT_LEARNING_RATE, seed);
    }

    public ModelSpec withLearningRate(double newLearningRate) {
        return new ModelSpec(preset, channels, spatialShape, newLearningRate, seed);
    }

    /** Number of spatial axes (1-6). */
    public int dimensions() {
        return spatialShape.size();
    }

    /** The shape of one example: {@code [channels, spatialShape...]}. */
    public List<Integer> inputShape() {
        List<Integer> shape = new ArrayList<>();
        shape.add(channels);
        shape.addAll(spatialShape);
        return List.copyOf(shape);
    }

    long[] lengths() {
        return lengths(spatialShape);
    }

    private static long[] lengths(List<Integer> shape) {
        return shape.stream().mapToLong(Integer::longValue).toArray();
    }
}
