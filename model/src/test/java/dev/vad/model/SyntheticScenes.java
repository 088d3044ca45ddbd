package dev.vad.model;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded grey scenes: a striped, textured background (random orientation and phase per clip) with a bright
 * Gaussian blob moving in a straight line. Values in [0, 1].
 */
public final class SyntheticScenes {
    private SyntheticScenes() {
    }

    /** {@code clips} windows {@code [clips, 1, frames, height, width]}. */
    public static INDArray windows(long seed, int clips, int frames, int height, int width) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[clips * frames * height * width];
        int i = 0;
        for (int c = 0; c < clips; c++) {
            double angle = random.nextDouble(Math.PI);
            double frequency = random.nextDouble(0.25, 0.6);
            double phase = random.nextDouble(2 * Math.PI);
            double level = random.nextDouble(0.2, 0.4);
            double x0 = random.nextDouble(width);
            double y0 = random.nextDouble(height);
            double vx = random.nextDouble(-1.5, 1.5);
            double vy = random.nextDouble(-1.5, 1.5);
            for (int t = 0; t < frames; t++) {
                double bx = x0 + vx * t;
                double by = y0 + vy * t;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double along = Math.cos(angle) * x + Math.sin(angle) * y;
                        double background = level + 0.15 * Math.sin(frequency * along + phase);
                        double d2 = (x - bx) * (x - bx) + (y - by) * (y - by);
                        double blob = 0.6 * Math.exp(-d2 / 8.0);
                        data[i++] = (float) Math.min(1.0, background + blob);
                    }
                }
            }
        }
        return Nd4j.create(data, new long[] {clips, 1, frames, height, width}, 'c').castTo(DataType.FLOAT);
    }

    /** Single frames {@code [count, 1, height, width]}. */
    public static INDArray frames(long seed, int count, int height, int width) {
        return windows(seed, count, 1, height, width).reshape(count, 1, height, width);
    }

    /** Mean squared error of predicting every held-out example by the per-pixel mean of the training examples. */
    public static double meanBaseline(INDArray train, INDArray heldOut) {
        INDArray mean = train.mean(true, 0);
        return heldOut.sub(mean.broadcast(heldOut.shape())).muli(heldOut.sub(mean.broadcast(heldOut.shape())))
                .meanNumber().doubleValue();
    }
}
