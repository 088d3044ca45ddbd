package dev.vad.bench;

import dev.vad.model.Preset;
import java.util.List;

/**
 * One network to time: a preset at a dimensionality, with its spatial input shape ({@code [H, W]} in 2D,
 * {@code [T, H, W]} in 3D) and input channels.
 */
public record BenchCase(Preset preset, int dimensions, int channels, List<Integer> spatialShape) {
    public BenchCase {
        spatialShape = List.copyOf(spatialShape);
        if (spatialShape.size() != dimensions) {
            throw new IllegalArgumentException("a " + dimensions + "D case needs " + dimensions
                    + " spatial lengths, found " + spatialShape);
        }
    }

    /** The spatial lengths as an array, for {@code ModelSpec.of}. */
    public int[] lengths() {
        return spatialShape.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code [batch, channels, spatialShape...]}. */
    public long[] batchShape(int batch) {
        long[] shape = new long[spatialShape.size() + 2];
        shape[0] = batch;
        shape[1] = channels;
        for (int i = 0; i < spatialShape.size(); i++) {
            shape[i + 2] = spatialShape.get(i);
        }
        return shape;
    }

    /** The spatial shape as {@code 64x64} (2D) or {@code 8x64x64} (3D): frames, height, width. */
    public String input() {
        return String.join("x", spatialShape.stream().map(String::valueOf).toList());
    }

    /** The leading fields of every output line for this case: {@code model=compact dims=2}. */
    public String label() {
        return "model=" + preset.id() + " dims=" + dimensions;
    }
}
