package dev.vad.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vad bench train|infer}: for each case, the engine then the PyTorch peer on the same network, batch,
 * threads and iterations, in one run. Returns the lines to print: a header, then one line per case ending in
 * {@code ratio} (engine ÷ torch samples per second).
 */
public final class ModelComparison {
    private static final Logger LOG = LoggerFactory.getLogger(ModelComparison.class);
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private final ModelBenchmark engine;
    private final TorchPeer peer;

    public ModelComparison(ModelBenchmark engine, TorchPeer peer) {
        this.engine = engine;
        this.peer = peer;
    }

    /** Runs every case of {@code options}; the lines to print, in order. */
    public List<String> run(ModelBenchOptions options) {
        List<String> lines = new ArrayList<>();
        lines.add(header(options, loadAverage()));
        for (BenchCase c : options.cases()) {
            ModelTiming timing = engine.time(options, c);
            PeerResult torch = peer.measure(options, c);
            lines.add(line(timing, torch));
        }
        return lines;
    }

    static String header(ModelBenchOptions o, String loadAverage) {
        return String.format(Locale.ROOT, "bench=%s peer=torch input=%dx%d colour=grey frames_3d=%d batch=%d"
                        + " threads=%d warm_up=%d warm_up_s=%.0f iterations=%d repeats=%d statistic=median load_avg_1m=%s",
                o.mode().id(), o.width(), o.height(), o.frames(), o.batch(), o.threads(), o.warmUpIterations(),
                o.warmUpSeconds(), o.timedIterations(), o.repeats(), loadAverage);
    }

    /** One case: the engine's fields, then the peer's and the ratio, or the peer's skip note. */
    static String line(ModelTiming t, PeerResult torch) {
        if (!torch.measured()) {
            return t.fields() + " " + torch.note();
        }
        if (torch.parameters() != t.parameters()) {
            LOG.warn("{}: torch has {} parameters, the engine {}; the networks differ", t.benchCase().label(),
                    torch.parameters(), t.parameters());
        }
        return String.format(Locale.ROOT, "%s torch_version=%s torch_params=%d torch_samples_per_s=%.2f ratio=%.3f",
                t.fields(), torch.version(), torch.parameters(), torch.samplesPerSecond(),
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
