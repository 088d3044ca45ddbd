package dev.vad.cli;

import dev.vad.bench.BenchMode;
import dev.vad.bench.IngestBenchmark;
import dev.vad.bench.KafkaBenchmark;
import dev.vad.bench.ModelBenchmarks;
import dev.vad.bench.ScoreBenchmark;
import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.model.Preset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vad bench}: figures with a ratio against a peer measured in the same run. Parses the options and runs the
 * benchmark of the bench module that {@code WHAT} names.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks, each printing name=value lines ending in the ratio against a peer measured in",
            "the same run.", "  ingest: decode+scale+window+publish a file vs the ffmpeg command decoding and scaling it",
            "  train, infer: compact, deep and compact32 (2D and 3D, 64x64 grey) and future (3D, 144x96), 8 frames,",
            "    batch 32, vs PyTorch on an optimised BLAS (scripts/install-bench-deps), with GFLOP/s and the share",
            "    of the machine's matrix-product peak",
            "  conv4d: a true 4D convolution vs a 3D one of equal output size (multiply-add ratio 3)",
            "  kafka: frame windows through the pipeline's producer vs Kafka's ProducerPerformance",
            "  score: windows/s through the scorer and a real broker (1, 4, 16 streams) vs the same scoring in",
            "    process, and end-to-end latency of one live 30 fps stream",
            "Model benchmarks want memory: run them with VAD_JAVA_OPTS=-Xmx2g."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest, train, infer, conv4d, kafka or score.")
    String what;

    @Option(names = "--source", paramLabel = "FILE", description = "Video file (bench ingest).")
    String source;

    @Option(names = "--width", paramLabel = "PX",
            description = "Frame width (ingest, train, infer; default 64, future 144).")
    Integer width;

    @Option(names = "--height", paramLabel = "PX",
            description = "Frame height (ingest, train, infer; default 64, future 96).")
    Integer height;

    @Option(names = "--models", paramLabel = "LIST", split = ",",
            description = "Models to time (train, infer; default compact,deep,compact32,future).")
    List<String> models;

    @Option(names = "--dims", paramLabel = "LIST", split = ",",
            description = "2 and/or 3 (train, infer; default 2,3; future takes 3 only).")
    List<Integer> dimensions;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Timed runs of each side after a warm-up; medians are reported (default 3).")
    int repeats;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Threads of both engines (train, infer, conv4d; default 2).")
    int threads;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Timed steps per run (train, infer, conv4d; default 10).")
    int iterations;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "10",
            description = "Untimed steps of each side first (train, infer, conv4d): at least 3 (conv4d: 2), and for"
                    + " at least S seconds (default 10), so that the JVM has compiled the engine's code before it is"
                    + " timed.")
    double warmUpSeconds;

    @Option(names = "--rss-steps", paramLabel = "N", defaultValue = "0",
            description = "bench train: instead, train compact 3D for N steps and report resident memory growth.")
    int rssSteps;

    @Option(names = "--records", paramLabel = "N", defaultValue = "5000",
            description = "Windows to publish (bench kafka; default 5000, plus a tenth to warm up).")
    int records;

    @Option(names = "--windows", paramLabel = "N", defaultValue = "960",
            description = "Windows scored per case (bench score; default 960).")
    int windows;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to publish to (default: an embedded broker started for the run).")
    String bootstrapServers;

    private static List<Preset> presets(List<String> ids) {
        try {
            return ids.stream().map(Preset::fromId).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(new ConfigProblem("--models", String.join(",", ids),
                    "models among compact, deep, compact32, future")));
        }
    }

    @Override
    public Integer call() throws Exception {
        ModelBenchmarks benchmarks = new ModelBenchmarks(spec.commandLine().getOut());
        List<Preset> presets = models == null ? null : presets(models);
        switch (what) {
            case "train":
                return rssSteps > 0 ? benchmarks.memory(threads, width, height, rssSteps, Math.max(1, rssSteps / 20))
                        : benchmarks.compare(BenchMode.TRAIN, presets, dimensions, width, height, threads, 3,
                        warmUpSeconds, iterations, repeats);
            case "infer":
                return benchmarks.compare(BenchMode.INFER, presets, dimensions, width, height, threads, 3,
                        warmUpSeconds, iterations, repeats);
            case "conv4d":
                return benchmarks.convolution(threads, warmUpSeconds, iterations, repeats);
            case "kafka":
                return new KafkaBenchmark(records, bootstrapServers, spec.commandLine().getOut()).run();
            case "score":
                return new ScoreBenchmark(windows, bootstrapServers, spec.commandLine().getOut()).run();
            case "ingest":
                break;
            default:
                throw new NotInThisBuild("the " + what + " benchmark");
        }
        if (source == null) {
            throw new ConfigException(List.of(new ConfigProblem(
                    "--source", "nothing", "a video file to benchmark")));
        }
        return new IngestBenchmark(source, width == null ? 64 : width, height == null ? 64 : height,
                bootstrapServers, Math.max(1, repeats), spec.commandLine().getOut()).run();
    }
}
