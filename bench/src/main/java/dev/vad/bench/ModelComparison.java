package dev.vad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vad bench train|infer}: first what the PyTorch peer computes on (refusing a peer on the reference BLAS
 * before anything is timed) and the machine's practical peak (the best single-precision matrix product of ND4J
 * and of the peer); then for each case the engine and the peer on the same network, batch, threads and
 * iterations, in one run. Lines: a header, the peak, then one line per case with each side's GFLOP/s and share of
 * the peak, ending in {@code ratio} (engine ÷ torch samples per second).
 */
public final class ModelComparison {
    private static final Logger LOG = LoggerFactory.getLogger(ModelComparison.class);
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private final ModelBenchmark engine;
    private final MatrixPeak peak;
    private final TorchPeer peer;

    public ModelComparison(ModelBenchmark engine, MatrixPeak peak, TorchPeer peer) {
        this.engine = engine;
        this.peak = peak;
        this.peer = peer;
    }

    /**
     * Runs every case of {@code options}, giving each line to {@code out} as soon as it is known.
     *
     * @throws IllegalStateException before timing anything, when the peer computes on the reference BLAS
     */
    public void run(ModelBenchOptions options, Consumer<String> out) {
        Optional<PeerSetup> setup = peer.setup(options.threads(), MatrixPeak.SIZES);
        if (setup.isPresent() && setup.get().referenceBlas()) {
            throw new IllegalStateException(setup.get().refusal());
        }
        out.accept(header(options, loadAverage()));
        double vadPeak = peak.gflops(options.threads(), MatrixPeak.SIZES);
        double machinePeak = setup.map(s -> Math.max(vadPeak, s.peakGflops())).orElse(vadPeak);
        out.accept(peakLine(options.threads(), vadPeak, setup, machinePeak));
        for (BenchCase c : options.cases()) {
            ModelTiming timing = engine.time(options, c);
            PeerResult torch = setup.isPresent() ? peer.measure(options, c) : PeerResult.skipped(TorchPeer.SKIPPED);
            out.accept(line(timing, torch, machinePeak));
        }
    }

    static String header(ModelBenchOptions o, String loadAverage) {
        return String.format(Locale.ROOT, "bench=%s peer=torch colour=grey batch=%d threads=%d warm_up=%d"
                        + " warm_up_s=%.0f iterations=%d repeats=%d statistic=median load_avg_1m=%s",
                o.mode().id(), o.batch(), o.threads(), o.warmUpIterations(), o.warmUpSeconds(), o.timedIterations(),
                o.repeats(), loadAverage);
    }

    /**
     * {@code bench=peak threads=2 sizes=1024,2048 vad_peak_gflops=... torch_version=... torch_blas=...
     * torch_peak_gflops=... peak_gflops=...}: the machine's peak is the better of the two matrix products.
     */
    static String peakLine(int threads, double vadPeak, Optional<PeerSetup> setup, double machinePeak) {
        String sizes = String.join(",", MatrixPeak.SIZES.stream().map(String::valueOf).toList());
        String torch = setup.map(s -> String.format(Locale.ROOT, " %s torch_peak_gflops=%.2f", s.fields(),
                s.peakGflops())).orElse(" torch=skipped");
        return String.format(Locale.ROOT, "bench=peak op=sgemm threads=%d sizes=%s vad_peak_gflops=%.2f%s"
                + " peak_gflops=%.2f", threads, sizes, vadPeak, torch, machinePeak);
    }

    /** One case: the engine's fields, then the peer's and the ratio, or the peer's skip note. */
    static String line(ModelTiming t, PeerResult torch, double peakGflops) {
        if (!torch.measured()) {
            return t.fields(peakGflops) + " " + torch.note();
        }
        if (torch.parameters() != t.parameters()) {
            LOG.warn("{}: torch has {} parameters, the engine {}; the networks differ", t.benchCase().label(),
                    torch.parameters(), t.parameters());
        }
        double torchGflops = t.gflops(torch.samplesPerSecond());
        return String.format(Locale.ROOT, "%s torch_params=%d torch_samples_per_s=%.2f torch_gflops=%.2f"
                        + " torch_peak_pct=%.1f ratio=%.3f", t.fields(peakGflops), torch.parameters(),
                torch.samplesPerSecond(), torchGflops, 100 * torchGflops / peakGflops,
                t.samplesPerSecond() / torch.samplesPerSecond());
    }

    private static String loadAverage() {
        try {
            return Files.readString(LOAD_AVERAGE).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
