package dev.vad.model.bench;

import java.util.Locale;

/**
 * The engine's measured speed on one case.
 *
 * @param benchCase        what was timed
 * @param mode             train or infer
 * @param batch            examples per step
 * @param threads          native threads in use
 * @param parameters       trained values of the network
 * @param samplesPerSecond median over the timed runs of examples per second
 * @param loss             the last step's mean squared error (train), or NaN (infer)
 */
public record ModelTiming(BenchCase benchCase, BenchMode mode, int batch, int threads, long parameters,
        double samplesPerSecond, double loss) {

    /** {@code model=compact dims=2 mode=train batch=32 threads=2 vad_params=1037 vad_samples_per_s=...}. */
    public String fields() {
        return String.format(Locale.ROOT, "%s mode=%s batch=%d threads=%d vad_params=%d vad_samples_per_s=%.2f",
                benchCase.label(), mode.id(), batch, threads, parameters, samplesPerSecond);
    }
}
