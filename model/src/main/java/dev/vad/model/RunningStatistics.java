package dev.vad.model;

/**
 * One batch-norm layer's running mean and variance (state arrays) and the graph outputs of the batch statistics
 * that update them after each training step, PyTorch-style: momentum 0.1, unbiased variance.
 */
record RunningStatistics(String runningMean, String runningVariance, String batchMean, String batchVariance,
        long valuesPerExample) {
    static final double MOMENTUM = 0.1;
}
