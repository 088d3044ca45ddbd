package dev.vad.cli;

import dev.vad.model.bench.BenchMode;
import dev.vad.model.bench.ConvRatioBenchmark;
import dev.vad.model.bench.ConvRatioOptions;
import dev.vad.model.bench.ModelBenchOptions;
import dev.vad.model.bench.ModelBenchmark;
import dev.vad.model.bench.ModelComparison;
import dev.vad.model.bench.RssCheck;
import dev.vad.model.bench.TorchPeer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code vad bench train|infer|conv4d}: the model engine against PyTorch (the same networks, same threads, one
 * run), and 4D convolution against 3D. ND4J prints graph chatter on stdout, so stdout points at stderr while the
 * engine runs and only the figures reach the real stdout.
 */
final class ModelBenchmarks {

    private final PrintWriter out;

    ModelBenchmarks(PrintWriter out) {
        this.out = out;
    }

    int compare(BenchMode mode, int threads, int width, int height, int warmUp, double warmUpSeconds,
            int iterations, int repeats, boolean installTorch) {
        ModelBenchOptions options = sized(ModelBenchOptions.defaults(mode), width, height).withThreads(threads)
                .withIterations(warmUp, iterations, repeats).withWarmUpSeconds(warmUpSeconds);
        Path script = TorchPeer.findScript(List.of(Path.of("").toAbsolutePath())).orElse(TorchPeer.SCRIPT);
        TorchPeer peer = new TorchPeer(TorchPeer.SYSTEM_PYTHON, script, installTorch, Duration.ofMinutes(30));
        print(quietly(() -> new ModelComparison(new ModelBenchmark(System::nanoTime), peer).run(options)));
        return 0;
    }

    int memory(int threads, int width, int height, int steps, int every) {
        ModelBenchOptions options = sized(ModelBenchOptions.defaults(BenchMode.TRAIN), width, height)
                .withThreads(threads);
        print(quietly(() -> List.of(new RssCheck().run(options, RssCheck.defaultCase(options), steps, every).line())));
        return 0;
    }

    int convolution(int threads, double warmUpSeconds, int iterations, int repeats) {
        ConvRatioOptions options = ConvRatioOptions.defaults().withThreads(threads)
                .withIterations(ConvRatioOptions.defaults().warmUpIterations(), iterations, repeats)
                .withWarmUpSeconds(warmUpSeconds);
        print(quietly(() -> {
            List<String> lines = new ArrayList<>();
            new ConvRatioBenchmark(System::nanoTime).run(options).forEach(r -> lines.add(r.line()));
            return lines;
        }));
        return 0;
    }

    private static ModelBenchOptions sized(ModelBenchOptions o, int width, int height) {
        return o.withShape(o.presets(), o.dimensions(), o.batch(), o.frames(), height, width);
    }

    private void print(List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }

    private static List<String> quietly(Supplier<List<String>> run) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run.get();
        } finally {
            System.setOut(stdout);
        }
    }
}
