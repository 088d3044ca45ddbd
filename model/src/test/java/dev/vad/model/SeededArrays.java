package dev.vad.model;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reproducible test arrays: uniform values in [-1, 1) from a seed. */
public final class SeededArrays {
    private SeededArrays() {
    }

    public static INDArray uniform(long seed, DataType type, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return Nd4j.create(values, shape, 'c').castTo(type);
    }
}
