package dev.vad.model;

import java.util.SplittableRandom;

/** How a layer's weights and biases start, from a seeded random source. */
enum ParameterInit {
    /** PyTorch's default for convolutions and linear layers: weights and biases uniform in ±1/sqrt(fan-in). */
    UNIFORM_FAN_IN,
    /** Keras' LeCun normal for SELU networks: weights normal with variance 1/fan-in, biases zero. */
    LECUN_NORMAL,
    /** He et al.'s for ReLU networks: weights normal with variance 2/fan-in, biases zero. */
    HE_NORMAL;

    double weight(SplittableRandom random, long fanIn) {
        double scale = (this == HE_NORMAL ? Math.sqrt(2.0) : 1.0) / Math.sqrt(fanIn);
        return this == UNIFORM_FAN_IN ? random.nextDouble(-scale, scale) : gaussian(random) * scale;
    }

    double bias(SplittableRandom random, long fanIn) {
        double scale = 1.0 / Math.sqrt(fanIn);
        return this == UNIFORM_FAN_IN ? random.nextDouble(-scale, scale) : 0.0;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
