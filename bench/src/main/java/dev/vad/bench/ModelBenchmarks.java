package dev.vad.bench;

import dev.vad.model.Preset;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code vad bench train|infer|conv4d}: the model engine against PyTorch (the same networks, same threads, one
 * run, the machine's matrix-product peak beside them), and 4D convolution against 3D. ND4J prints graph chatter
 * on stdout, so stdout points at stderr while the engine runs and only the figures reach the real stdout.
 */
public final class ModelBenchmarks {

    private final PrintWriter out;

    public ModelBenchmarks(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param presets    the models to time, or null for the defaults
     * @param dimensions 2 and/or 3, or null for both
     * @param width      frame width of every case, or null for each case's default
     * @param height     frame height of every case, or null for each case's default
     */
    public int compare(BenchMode mode, List<Preset> presets, List<Integer> dimensions, Integer width, Integer height,
            int threads, int warmUp, double warmUpSeconds, int iterations, int repeats) {
        ModelBenchOptions defaults = ModelBenchOptions.defaults(mode);
        ModelBenchOptions options = sized(defaults.withShape(presets == null ? defaults.presets() : presets,
                dimensions == null ? defaults.dimensions() : dimensions, defaults.batch(), defaults.frames(),
                defaults.height(), defaults.width()), width, height).withThreads(threads)
                .withIterations(warmUp, iterations, repeats).withWarmUpSeconds(warmUpSeconds);
        if (options.cases().isEmpty()) {
            throw new IllegalArgumentException("no case to time: " + options.presets() + " in " + options.dimensions()
                    + "D (future takes 3D only)");
        }
        TorchPeer peer = new TorchPeer(TorchPeer.SYSTEM_PYTHON, TorchPeer.bundledScript(), Duration.ofMinutes(30));
        ModelComparison comparison = new ModelComparison(new ModelBenchmark(System::nanoTime),
                new MatrixPeak(System::nanoTime), peer);
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            comparison.run(options, line -> print(List.of(line)));
        } finally {
            System.setOut(stdout);
        }
        return 0;
    }

    public int memory(int threads, Integer width, Integer height, int steps, int every) {
        ModelBenchOptions options = sized(ModelBenchOptions.defaults(BenchMode.TRAIN), width, height)
                .withThreads(threads);
        print(quietly(() -> List.of(new RssCheck().run(options, RssCheck.defaultCase(options), steps, every).line())));
        return 0;
    }

    public int convolution(int threads, double warmUpSeconds, int iterations, int repeats) {
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

    /** Every case at {@code width} x {@code height} where given, else at each case's default size. */
    private static ModelBenchOptions sized(ModelBenchOptions o, Integer width, Integer height) {
        int w = width == null ? o.width() : width;
        int h = height == null ? o.height() : height;
        return o.withShape(o.presets(), o.dimensions(), o.batch(), o.frames(), h, w).withPredictorSize(
                height == null ? o.predictorHeight() : height, width == null ? o.predictorWidth() : width);
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
