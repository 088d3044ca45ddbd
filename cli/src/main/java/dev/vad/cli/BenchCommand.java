package dev.vad.cli;

import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.model.bench.BenchMode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vad bench}: figures with a ratio against a peer measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks, each printing name=value lines ending in the ratio against a peer measured in",
            "the same run.", "  ingest: decode+scale+window+publish a file vs the ffmpeg command decoding and scaling it",
            "  train, infer: compact and deep, 2D and 3D, batch 32, 64x64 grey (3D: 8 frames) vs PyTorch",
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

    @Option(names = "--width", paramLabel = "PX", defaultValue = "64",
            description = "Frame width (ingest, train, infer; default 64).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "64",
            description = "Frame height (ingest, train, infer; default 64).")
    int height;

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

    @Option(names = "--install-torch", description = "Install Debian's python3-torch if it is missing (as root).")
    boolean installTorch;

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

    @Override
    public Integer call() throws Exception {
        ModelBenchmarks models = new ModelBenchmarks(spec.commandLine().getOut());
        switch (what) {
            case "train":
                return rssSteps > 0 ? models.memory(threads, width, height, rssSteps, Math.max(1, rssSteps / 20))
                        : models.compare(BenchMode.TRAIN, threads, width, height, 3, warmUpSeconds,
                        iterations, repeats, installTorch);
            case "infer":
                return models.compare(BenchMode.INFER, threads, width, height, 3, warmUpSeconds,
                        iterations, repeats, installTorch);
            case "conv4d":
                return models.convolution(threads, warmUpSeconds, iterations, repeats);
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
        return new IngestBenchmark(source, width, height, bootstrapServers, Math.max(1, repeats),
                spec.commandLine().getOut()).run();
    }
}
