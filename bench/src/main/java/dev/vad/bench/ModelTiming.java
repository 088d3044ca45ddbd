package dev.vad.bench;

import java.util.Locale;

/**
 * The engine's measured speed on one case.
 *
 * @param benchCase        what was timed
 * @param mode             train or infer
 * @param batch            examples per step
 * @param threads          native threads in use
 * @param parameters       trained values of the network
 * @param multiplyAdds     multiply-adds of one example's forward pass, counted from the network's layers
 * @param samplesPerSecond median over the timed runs of examples per second
 * @param loss             the last step's mean squared error (train), or NaN (infer)
 */
public record ModelTiming(BenchCase benchCase, BenchMode mode, int batch, int threads, long parameters,
        long multiplyAdds, double samplesPerSecond, double loss) {

    /**
     * Floating-point operations per example: 2 per multiply-add; a training step counts 3 passes (forward, the
     * gradient of the inputs and that of the weights, each about the forward's multiply-adds).
     */
    public double flopsPerSample() {
        return 2.0 * multiplyAdds * (mode == BenchMode.TRAIN ? 3 : 1);
    }

    /** The rate {@code samplesPerSecond} achieves in GFLOP/s. */
    public double gflops(double samplesPerSecond) {
        return samplesPerSecond * flopsPerSample() / 1e9;
    }

    /**
     * {@code model=compact dims=2 input=64x64 mode=train batch=32 threads=2 mflop_per_sample=... vad_params=1037
     * vad_samples_per_s=... vad_gflops=... vad_peak_pct=...}, the share of {@code peakGflops}.
     */
    public String fields(double peakGflops) {
        return String.format(Locale.ROOT, "%s input=%s mode=%s batch=%d threads=%d mflop_per_sample=%.2f"
                        + " vad_params=%d vad_samples_per_s=%.2f vad_gflops=%.2f vad_peak_pct=%.1f", benchCase.label(),
                benchCase.input(), mode.id(), batch, threads, flopsPerSample() / 1e6, parameters, samplesPerSecond,
                gflops(samplesPerSecond), 100 * gflops(samplesPerSecond) / peakGflops);
    }
}
