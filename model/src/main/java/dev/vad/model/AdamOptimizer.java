package dev.vad.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam (beta1 0.9, beta2 0.999, epsilon 1e-8, as in PyTorch) over named parameters, with optional clipping of the
 * gradients' global L2 norm. Uses ND4J's fused Adam update, one per parameter array.
 */
final class AdamOptimizer {
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final Adam config;
    private final double clipNorm;
    private int iteration;

    AdamOptimizer(Map<String, INDArray> parameters, double learningRate, double clipNorm) {
        this.clipNorm = clipNorm;
        this.config = new Adam(learningRate, 0.9, 0.999, 1e-8);
        parameters.forEach((name, param) -> {
            INDArray state = Nd4j.zeros(param.dataType(), 1, 2 * param.length());
            GradientUpdater<?> updater = config.instantiate(state, true);
            updater.setStateViewArray(state, param.shape(), 'c', true);
            updaters.put(name, updater);
        });
    }

    /** Changes the learning rate of the following steps (a schedule); the moment estimates are kept. */
    void learningRate(double learningRate) {
        config.setLearningRate(learningRate);
    }

    double learningRate() {
        return config.getLearningRate();
    }

    /** Applies one step: {@code gradients} are consumed (turned into the updates) and subtracted in place. */
    void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        if (clipNorm > 0) {
            double squares = 0;
            for (INDArray g : gradients.values()) {
                double norm = g.norm2Number().doubleValue();
                squares += norm * norm;
            }
            double norm = Math.sqrt(squares);
            if (norm > clipNorm) {
                for (INDArray g : gradients.values()) {
                    g.muli(clipNorm / (norm + 1e-6));
                }
            }
        }
        updaters.forEach((name, updater) -> {
            INDArray gradient = gradients.get(name);
            updater.applyUpdater(gradient, iteration, 0);
            parameters.get(name).subi(gradient);
        });
        iteration++;
    }
}
