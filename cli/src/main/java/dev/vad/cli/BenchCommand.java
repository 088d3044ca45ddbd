package dev.vad.cli;

import dev.vad.bench.BenchMode;
import dev.vad.bench.IngestBenchmark;
import dev.vad.bench.KafkaBenchmark;
import dev.vad.bench.ModelBenchmarks;
import dev.vad.bench.FleetBenchmark;
import dev.vad.bench.ScoreBenchmark;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.model.Preset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
            "  fleet: cameras at 10 fps one machine ingests and scores live (registry, ingest, scorer in one",
            "    process, future 64x64), with every window scored and p99 latency at most 1 s",
            "Model benchmarks want memory: run them with VAD_JAVA_OPTS=-Xmx2g."})
final class BenchCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest, train, infer, conv4d, kafka, score or fleet.")
    String what;

    static final Setting<String> SOURCE = Setting.text("source", "FILE", null, "Video file (bench ingest)")
            .defaultText("none");
    static final Setting<Integer> WIDTH = Setting.integer("width", 64, 8, 4096,
            "Frame width (ingest, train, infer)").label("PX").defaultText("64, future 144");
    static final Setting<Integer> HEIGHT = Setting.integer("height", 64, 8, 4096,
            "Frame height (ingest, train, infer)").label("PX").defaultText("64, future 96");
    static final Setting<String> MODELS = Setting.text("models", "LIST", "compact,deep,compact32,future",
            "Models to time (train, infer)").accepts("presets among compact, deep, compact32, future, comma-separated");
    static final Setting<String> DIMS = Setting.text("dims", "LIST", "2,3", "2 and/or 3 (train, infer; future takes 3"
            + " only)").accepts("2, 3 or 2,3");
    static final Setting<Integer> REPEAT = Setting.integer("repeat", 3, 1, 1000,
            "Timed runs of each side after a warm-up; medians are reported");
    static final Setting<Integer> THREADS = Setting.integer("threads", 2, 1, 1024,
            "Threads of both engines (train, infer, conv4d)");
    static final Setting<Integer> ITERATIONS = Setting.integer("iterations", 10, 1, 1_000_000,
            "Timed steps per run (train, infer, conv4d)");
    static final Setting<Double> WARMUP_SECONDS = Setting.decimal("warmup-seconds", "S", 10, 0, 86_400,
            "Untimed steps of each side first (train, infer, conv4d): at least 3 (conv4d: 2), and for at least S"
                    + " seconds, so that the JVM has compiled the engine's code before it is timed");
    static final Setting<Integer> RSS_STEPS = Setting.integer("rss-steps", 0, 0, 100_000_000,
            "bench train: instead, train compact 3D for N steps and report resident memory growth; 0 off");
    static final Setting<Integer> RECORDS = Setting.integer("records", 5000, 1, 100_000_000,
            "Windows to publish (bench kafka), plus a tenth to warm up");
    static final Setting<Integer> WINDOWS = Setting.integer("windows", 960, 1, 100_000_000,
            "Windows scored per case (bench score)");
    static final Setting<String> CAMERAS = Setting.text("cameras", "LIST", "2,4,8,12,16",
            "Camera counts to try, in order (bench fleet)").accepts("camera counts from 1 to 1000, comma-separated");
    static final Setting<Integer> MEASURE_SECONDS = Setting.integer("measure-seconds", 30, 1, 86_400,
            "Seconds each camera count is measured, after 15 s of warm-up (bench fleet)");
    static final Setting<Integer> SCORERS = Setting.integer("scorers", 1, 1, 16,
            "Scorers sharing the windows in one consumer group (bench fleet)");
    static final Setting<Boolean> WITH_TRAINER = Setting.bool("with-trainer", false,
            "Run a continual trainer on the same windows meanwhile (bench fleet)");
    static final Setting<String> BOOTSTRAP_SERVERS = KafkaSettings.BOOTSTRAP_SERVERS
            .defaultText("an embedded broker started for the run");

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(SettingGroup.of("bench", SOURCE, WIDTH, HEIGHT, MODELS, DIMS, REPEAT, THREADS, ITERATIONS,
                WARMUP_SECONDS, RSS_STEPS, RECORDS, WINDOWS, CAMERAS, MEASURE_SECONDS, SCORERS, WITH_TRAINER,
                BOOTSTRAP_SERVERS));
    }

    private static List<Preset> presets(ConfigReader config) {
        String ids = MODELS.from(config);
        try {
            return Stream.of(ids.split(",")).map(String::trim).map(Preset::fromId).toList();
        } catch (IllegalArgumentException e) {
            config.problem(MODELS.key(), config.found(MODELS.key()), MODELS.accepts());
            return List.of();
        }
    }

    private static List<Integer> cameraCounts(ConfigReader config) {
        List<Integer> counts = new ArrayList<>();
        for (String n : CAMERAS.from(config).split(",")) {
            try {
                int count = Integer.parseInt(n.trim());
                if (count < 1 || count > 1000) {
                    throw new NumberFormatException(n);
                }
                counts.add(count);
            } catch (NumberFormatException e) {
                config.problem(CAMERAS.key(), config.found(CAMERAS.key()), CAMERAS.accepts());
                return List.of();
            }
        }
        return counts;
    }

    private static List<Integer> dimensions(ConfigReader config) {
        List<Integer> dims = new ArrayList<>();
        for (String d : DIMS.from(config).split(",")) {
            switch (d.trim()) {
                case "2" -> dims.add(2);
                case "3" -> dims.add(3);
                default -> config.problem(DIMS.key(), config.found(DIMS.key()), DIMS.accepts());
            }
        }
        return dims;
    }

    @Override
    public Integer call() throws Exception {
        ConfigReader config = ServiceConfig.of(spec);
        List<Preset> presets = MODELS.given(config) ? presets(config) : null;
        List<Integer> dimensions = DIMS.given(config) ? dimensions(config) : null;
        Integer width = WIDTH.given(config) ? WIDTH.from(config) : null;
        Integer height = HEIGHT.given(config) ? HEIGHT.from(config) : null;
        int repeats = REPEAT.from(config);
        int threads = THREADS.from(config);
        int iterations = ITERATIONS.from(config);
        double warmUpSeconds = WARMUP_SECONDS.from(config);
        int rssSteps = RSS_STEPS.from(config);
        String servers = BOOTSTRAP_SERVERS.from(config);
        String source = SOURCE.from(config);
        if (what.equals("ingest") && source == null) {
            config.problem(SOURCE.key(), "nothing", "a video file to benchmark");
        }
        int records = RECORDS.from(config);
        int windows = WINDOWS.from(config);
        List<Integer> cameras = cameraCounts(config);
        int measureSeconds = MEASURE_SECONDS.from(config);
        int scorers = SCORERS.from(config);
        boolean withTrainer = WITH_TRAINER.from(config);
        config.validate();
        ModelBenchmarks benchmarks = new ModelBenchmarks(spec.commandLine().getOut());
        return switch (what) {
            case "train" -> rssSteps > 0
                    ? benchmarks.memory(threads, width, height, rssSteps, Math.max(1, rssSteps / 20))
                    : benchmarks.compare(BenchMode.TRAIN, presets, dimensions, width, height, threads, 3,
                    warmUpSeconds, iterations, repeats);
            case "infer" -> benchmarks.compare(BenchMode.INFER, presets, dimensions, width, height, threads, 3,
                    warmUpSeconds, iterations, repeats);
            case "conv4d" -> benchmarks.convolution(threads, warmUpSeconds, iterations, repeats);
            case "kafka" -> new KafkaBenchmark(records, servers, spec.commandLine().getOut()).run();
            case "score" -> new ScoreBenchmark(windows, servers, spec.commandLine().getOut()).run();
            case "fleet" -> new FleetBenchmark(cameras, scorers, withTrainer, Duration.ofSeconds(15),
                    Duration.ofSeconds(measureSeconds), servers, spec.commandLine().getOut()).run();
            case "ingest" -> new IngestBenchmark(source, width == null ? WIDTH.defaultValue() : width,
                    height == null ? HEIGHT.defaultValue() : height, servers, repeats, spec.commandLine().getOut())
                    .run();
            default -> throw new NotInThisBuild("the " + what + " benchmark");
        };
    }
}
