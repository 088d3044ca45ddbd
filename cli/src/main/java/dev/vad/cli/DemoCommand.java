package dev.vad.cli;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;
import dev.vad.common.config.ConfigException;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.metrics.Health;
import dev.vad.common.metrics.MeterRegistries;
import dev.vad.common.metrics.MetricsServer;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamPlan;
import dev.vad.ingest.StreamResult;
import dev.vad.ingest.source.SourceKind;
import dev.vad.ingest.source.SyntheticSource;
import dev.vad.ingest.synthetic.InjectedAnomaly;
import dev.vad.ingest.synthetic.SyntheticScene;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.scorer.ScorerService;
import dev.vad.scorer.evidence.EvidenceStore;
import dev.vad.scorer.viewer.LiveViewer;
import dev.vad.scorer.ScorerSettings;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerOutcome;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad demo}: the whole pipeline on one machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on this machine.",
            "Starts an embedded Kafka broker (unless --bootstrap-servers is given), ingest, a trainer that learns",
            "from the first windows then freezes, the scorer with its live viewer (http://127.0.0.1:9404/) and the",
            "metrics endpoints; prints a line per stream",
            "every second, and at the end what it detected against what the synthetic scene injected."})
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    private static final int WINDOW_FRAMES = 8;
    /** Frames of the scene the trainer learns from by default, in window starts: the synthetic scene's first 29 s. */
    private static final int TRAIN_FRAMES = 720;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "URI",
            description = "Video file, image folder, stream URL, camera or synthetic: (default synthetic:).")
    String source;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long, e.g. 2m (default: Ctrl-C, or the end of a file once scored).")
    String duration;

    @Option(names = "--model", paramLabel = "KIND", description = "conv2d, conv3d, ... conv6d (default conv3d).")
    String model;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Network design (default future; compact for conv1d and conv2d).")
    String preset;

    @Option(names = "--realtime", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Play files and the synthetic scene at their frame rate (default true).")
    String realtime;

    @Option(names = "--train-windows", paramLabel = "N",
            description = "Windows the trainer learns from before it freezes (default: the scene's first 29 s, 180"
                    + " windows for a predicting preset, 90 otherwise).")
    String trainWindows;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default 300).")
    String steps;

    @Option(names = "--metrics-port-base", paramLabel = "PORT",
            description = "Metrics of ingest, trainer and scorer on this port and the next two (default 9401;"
                    + " -1 none).")
    String metricsPortBase;

    @Mixin
    ViewerOptions viewer;

    @Mixin
    EvidenceOptions evidence;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicCreationOptions topicCreation;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> given = Flags.given(spec);
        ConfigReader demo = new ConfigReader(given, System.getenv());
        Duration limit = demo.duration("duration", Duration.ZERO);
        int portBase = demo.integer("metrics-port-base", 9401, -1, 65_533);
        boolean embedded = given.get("bootstrap-servers") == null
                && KafkaSettings.load(new ConfigReader(Map.of(), System.getenv()), List.of(), false)
                .bootstrapServers() == null;
        Plan checked = plan(given, embedded ? "127.0.0.1:9092" : null, portBase);
        List<ConfigProblem> problems = new ArrayList<>(demo.problems());
        checked.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedKafkaBroker broker = embedded ? EmbeddedKafkaBroker.start(BrokerOptions.ephemeral()) : null) {
            Plan plan = checked;
            if (broker != null) {
                out.println("embedded Kafka broker at " + broker.bootstrapServers());
                plan = plan(given, broker.bootstrapServers(), portBase);
            }
            return run(plan.ingest(), plan.trainer(), plan.scorer(), limit, out);
        }
    }

    /** The three services' settings: the user's flags over the demo's choices, and every problem found. */
    private Plan plan(Map<String, String> given, String bootstrap, int portBase) {
        int stride = strideFrames(FitSettings.load(new ConfigReader(given, System.getenv()), 1, 1e-3).preset());
        ConfigReader trainerConfig = reader(given, bootstrap, Map.of("mode", "fit-then-freeze",
                "train-windows", given.getOrDefault("train-windows", Integer.toString(TRAIN_FRAMES / stride)),
                "steps", given.getOrDefault("steps", "300"), "publish-every-steps", "50",
                "metrics-port", port(portBase, 1)));
        TrainerSettings trainer = TrainerSettings.load(trainerConfig, null, null, kafka.properties, true);
        ConfigReader ingestConfig = reader(given, bootstrap, Map.of("width", "64", "height", "64",
                "window-frames", Integer.toString(WINDOW_FRAMES), "stride-frames", Integer.toString(stride),
                "realtime", given.getOrDefault("realtime", "true"), "metrics-port", port(portBase, 0)));
        IngestSettings ingest = IngestSettings.load(ingestConfig, List.of(given.getOrDefault("source", "synthetic:")),
                List.of(), kafka.properties, true);
        ConfigReader scorerConfig = reader(given, bootstrap, Map.of("metrics-port", port(portBase, 2),
                "reconstruction-every", "1"));
        ScorerSettings scorer = ScorerSettings.load(scorerConfig, null, null, kafka.properties, true);
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigReader r : List.of(ingestConfig, trainerConfig, scorerConfig)) {
            r.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        return new Plan(ingest, trainer, scorer, problems);
    }

    /**
     * Frames between window starts: a window's length for an autoencoder; for a predicting preset the frames it
     * predicts, so that windows overlap by its context and the trainer learns to predict every frame.
     */
    private static int strideFrames(Preset preset) {
        int context = preset.contextFrames();
        return context > 0 && context < WINDOW_FRAMES ? WINDOW_FRAMES - context : WINDOW_FRAMES;
    }

    /** What the demo runs. */
    private record Plan(IngestSettings ingest, TrainerSettings trainer, ScorerSettings scorer,
                        List<ConfigProblem> problems) {
    }

    private int run(IngestSettings ingestSettings, TrainerSettings trainerSettings, ScorerSettings scorerSettings,
                    Duration limit, PrintWriter out) throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        List<AutoCloseable> closing = new ArrayList<>();
        PrometheusMeterRegistry ingestMetrics = MeterRegistries.prometheus("ingest");
        PrometheusMeterRegistry trainerMetrics = MeterRegistries.prometheus("trainer");
        PrometheusMeterRegistry scorerMetrics = MeterRegistries.prometheus("scorer");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            ServiceRun.awaitQuietly(stopped);
        }, "vad-demo-shutdown"));
        try (KafkaClients ingestClients = new KafkaClients(ingestSettings.kafka(), ingestMetrics, 64 << 20);
             KafkaClients trainerClients = new KafkaClients(trainerSettings.kafka(), trainerMetrics, 64 << 20);
             KafkaClients scorerClients = new KafkaClients(scorerSettings.kafka(), scorerMetrics, 64 << 20)) {
            serve(closing, ingestSettings.metrics(), ingestMetrics, threads, out, "ingest");
            serve(closing, trainerSettings.metrics(), trainerMetrics, threads, out, "trainer");
            serve(closing, scorerSettings.metrics(), scorerMetrics, threads, out, "scorer");
            try (var admin = scorerClients.admin("vad-demo-admin")) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(
                        TopicSpec.pipeline(scorerSettings.topics(), scorerSettings.topicSettings()), true);
            }
            TrainerService trainer = new TrainerService(trainerSettings, trainerClients, trainerMetrics,
                    Clock.systemUTC(), new ProgressLine(System.out, false));
            EvidenceStore store = ScoreCommand.evidenceStore(scorerSettings);
            LiveViewer viewer = LiveViewer.start(scorerSettings.viewer(), scorerSettings.scoring().maxStreams(),
                    Clock.systemUTC(), store);
            closing.add(viewer);
            viewer.announcement().ifPresent(out::println);
            if (store != null) {
                out.println("evidence in " + store.root());
            }
            ScorerService scorer = new ScorerService(scorerSettings, scorerClients, scorerMetrics, Clock.systemUTC(),
                    viewer.observer(), store);
            CompletableFuture<TrainerOutcome> training = CompletableFuture.supplyAsync(() -> call(trainer::run),
                    threads);
            CompletableFuture<?> scoring = CompletableFuture.supplyAsync(() -> call(scorer::run), threads);
            try (DemoWatch watch = new DemoWatch(scorerSettings.kafka(), scorerSettings.topics(), out);
                 IngestService ingest = IngestService.start(ingestSettings, ingestClients, ingestMetrics,
                         Clock.systemUTC(), threads, System.nanoTime())) {
                CompletableFuture<List<StreamResult>> ingesting = CompletableFuture.supplyAsync(
                        () -> call(ingest::awaitCompletion), threads);
                long deadline = limit.isZero() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
                while (stop.getCount() > 0 && System.nanoTime() < deadline) {
                    watch.poll(Duration.ofMillis(200));
                    if (training.isCompletedExceptionally() || scoring.isDone()) {
                        break;
                    }
                    if (ingesting.isDone() && training.isDone() && watch.windowsScored() >= published(ingesting)) {
                        out.println("the source has ended and every window is scored");
                        break;
                    }
                }
                ingest.close();
                trainer.close();
                scorer.close();
                report(ingestSettings, watch, out);
                failure(training).ifPresent(e -> out.println("trainer failed: " + e));
                failure(scoring).ifPresent(e -> out.println("scorer failed: " + e));
                out.flush();
                return failure(training).isPresent() || failure(scoring).isPresent() ? 1 : 0;
            }
        } finally {
            closing.forEach(DemoCommand::closeQuietly);
            threads.shutdownNow();
            stopped.countDown();
        }
    }

    private static void report(IngestSettings ingest, DemoWatch watch, PrintWriter out) {
        out.println("scored " + watch.windowsScored() + " windows; " + watch.events().size() + " event records");
        for (StreamPlan plan : ingest.streams()) {
            if (plan.source().kind() == SourceKind.SYNTHETIC) {
                SyntheticScene scene = new SyntheticScene(SyntheticSource.settings(plan.source(), ingest.geometry()));
                List<InjectedAnomaly> injected = scene.anomaliesBetween(0, watch.lastFrame() + 1);
                DetectionReport.of(injected, watch.events().stream()
                        .filter(e -> e.streamId().equals(plan.streamId())).toList(), watch.lastFrame())
                        .lines().forEach(line -> out.println(plan.streamId() + ": " + line));
            }
        }
    }

    private static long published(CompletableFuture<List<StreamResult>> ingesting) {
        return ingesting.join().stream().mapToLong(StreamResult::windowsPublished).sum();
    }

    private static java.util.Optional<String> failure(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return java.util.Optional.empty();
        }
        try {
            future.join();
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return java.util.Optional.of(String.valueOf(cause.getMessage()));
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", resource, e.getMessage());
        }
    }

    private static void serve(List<AutoCloseable> servers, dev.vad.common.config.MetricsSettings settings,
                              PrometheusMeterRegistry registry, ExecutorService threads, PrintWriter out,
                              String service) {
        if (settings.enabled()) {
            MetricsServer server = MetricsServer.start(settings, registry, Health::ok, threads);
            servers.add(server);
            out.println(service + " metrics at " + server.url("/metrics"));
        }
    }

    private static String port(int base, int offset) {
        return base < 0 ? "-1" : Integer.toString(base + offset);
    }

    /** A reader over the user's flags, the demo's choices for one service and the environment. */
    private static ConfigReader reader(Map<String, String> given, String bootstrap, Map<String, String> choices) {
        Map<String, String> flags = new HashMap<>(choices);
        flags.putAll(given);
        choices.forEach((key, value) -> {
            if (key.equals("metrics-port")) {
                flags.put(key, value);
            }
        });
        if (bootstrap != null) {
            flags.put("bootstrap-servers", bootstrap);
        }
        return new ConfigReader(flags, System.getenv());
    }

    /** Runs a service body, turning its checked interruption into an unchecked failure of the future. */
    private static <T> T call(Interruptible<T> body) {
        try {
            return body.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @FunctionalInterface
    private interface Interruptible<T> {
        T call() throws InterruptedException;
    }
}
