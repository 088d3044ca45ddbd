package dev.vad.bench;

import static dev.vad.bench.SceneWindows.FRAMES;
import static dev.vad.bench.SceneWindows.SIDE;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.CameraRegistry;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.metrics.VadMetric;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.cameras.CameraFollower;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import dev.vad.scorer.ScorerService;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code vad bench fleet}: how many cameras at 10 fps one machine ingests and scores live, with the default detector
 * ({@code future}, 64x64 grey, 8-frame windows) and everything in one process on a real broker: cameras of the
 * synthetic scene added to the camera registry, ingest following it, the scorer scoring them. For each camera count
 * it measures, after a warm-up, the windows scored per second and the end-to-end latency (from a window's last
 * frame's capture to its score at a consumer), then removes the cameras and checks that every window ingest
 * published was scored. A count keeps up when every window was scored and the p99 latency is at most 1 s.
 * Optionally with a continual trainer learning from the same windows meanwhile (how training shares the cores), and
 * with several scorers in one consumer group sharing the windows.
 */
public final class FleetBenchmark {

    /** Frames per second of every camera. */
    static final double FPS = 10;
    static final double MAX_P99_MS = 1000;

    private final List<Integer> cameraCounts;
    private final int scorers;
    private final boolean withTrainer;
    private final Duration warmUp;
    private final Duration measured;
    private final String bootstrapServers;
    private final PrintWriter out;
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);

    /** One camera count's figures. */
    record Step(int cameras, double windowsPerSecond, double p50Ms, double p99Ms, long published, long scored) {

        boolean keptUp() {
            return published == scored && p99Ms <= MAX_P99_MS;
        }
    }

    /**
     * @param cameraCounts camera counts to try, in order
     * @param scorers      scorers sharing the windows in one group
     * @param withTrainer  whether a continual trainer learns from the same windows meanwhile
     * @param warmUp       time each count runs before it is measured
     * @param measured     time each count is measured
     */
    public FleetBenchmark(List<Integer> cameraCounts, int scorers, boolean withTrainer, Duration warmUp,
                          Duration measured, String bootstrapServers, PrintWriter out) {
        this.cameraCounts = List.copyOf(cameraCounts);
        this.scorers = scorers;
        this.withTrainer = withTrainer;
        this.warmUp = warmUp;
        this.measured = measured;
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public int run() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (BenchBroker broker = new BenchBroker(bootstrapServers);
             KafkaClients clients = new KafkaClients(new KafkaSettings(broker.bootstrapServers(), Map.of()),
                     new SimpleMeterRegistry(), 64 << 20)) {
            String servers = broker.bootstrapServers();
            ModelArtifact artifact = model();
            ScorePipeline pipeline = new ScorePipeline(clients, servers, serdes);
            out.println("bench=fleet model=future window=" + FRAMES + "x" + SIDE + "x" + SIDE + " grey fps="
                    + (int) FPS + " warmup_s=" + warmUp.toSeconds() + " measured_s=" + measured.toSeconds()
                    + " scorers=" + scorers + " trainer=" + (withTrainer ? "continual" : "none") + " broker="
                    + broker.shown() + " cpus=" + Runtime.getRuntime().availableProcessors());
            int most = 0;
            for (int cameras : cameraCounts) {
                Step step = step(pipeline, clients, servers, artifact, cameras, threads);
                out.printf("cameras=%d windows_per_s=%.2f e2e_p50_ms=%.0f e2e_p99_ms=%.0f published=%d scored=%d"
                        + " kept_up=%s%n", step.cameras(), step.windowsPerSecond(), step.p50Ms(), step.p99Ms(),
                        step.published(), step.scored(), step.keptUp());
                out.flush();
                if (step.keptUp()) {
                    most = Math.max(most, cameras);
                }
            }
            out.printf("cameras_at_%dfps=%d%n", (int) FPS, most);
            return 0;
        } finally {
            out.flush();
            threads.shutdownNow();
        }
    }

    /** The default detector fitted briefly to the synthetic scene: its cost, not its quality, is measured. */
    private static ModelArtifact model() {
        List<FrameWindow> scene = SceneWindows.render(48);
        FitSettings fit = new FitSettings(Preset.FUTURE, 3, 8, 10, 3e-3, 1, 8);
        WindowModel model = ModelFitter.create(scene.get(0), fit);
        ModelFitter.Fitted fitted = ModelFitter.fit(model, scene.subList(0, 32), scene.subList(32, 48), fit,
                (step, loss) -> { });
        int[] shape = model.network().spec().inputShape().stream().mapToInt(Integer::intValue).toArray();
        ModelHeader header = new ModelHeader("bench", 1, "future", 3, model.view().describe(), shape, FRAMES, SIDE,
                SIDE, PixelFormat.GRAY8, model.normalisation(), new TreeMap<>(Map.of("patch", "8")), 1, List.of(),
                fitted.calibration(), new TreeMap<>(), 0);
        return ModelArtifacts.pack(model.network(), header);
    }

    private Step step(ScorePipeline pipeline, KafkaClients clients, String servers, ModelArtifact artifact,
                      int cameras, ExecutorService threads) throws Exception {
        Map<String, String> topics = pipeline.topics(artifact);
        SimpleMeterRegistry ingestMetrics = new SimpleMeterRegistry();
        IngestSettings settings = ingestSettings(topics, servers);
        List<ScorerService> scoringServices = new ArrayList<>();
        List<CompletableFuture<?>> scoring = new ArrayList<>();
        for (int i = 0; i < scorers; i++) {
            ScorerService scorer = pipeline.scorer(topics);
            scoringServices.add(scorer);
            scoring.add(CompletableFuture.runAsync(() -> ScorePipeline.run(scorer), threads));
        }
        TrainerService trainer = withTrainer ? trainer(topics, servers) : null;
        CompletableFuture<?> training = trainer == null ? null : CompletableFuture.runAsync(() -> train(trainer),
                threads);
        List<Double> latencies = new ArrayList<>();
        long scored = 0;
        try (KafkaClients ingestClients = new KafkaClients(settings.kafka(), ingestMetrics, 64 << 20);
             IngestService ingest = IngestService.start(settings, ingestClients, ingestMetrics, Clock.systemUTC(),
                     threads, 1);
             CameraRegistry registry = new CameraRegistry(clients, topics.get("topic-cameras"), "vad-bench-fleet");
             Consumer<String, byte[]> scores = pipeline.scores(topics)) {
            CameraFollower follower = CameraFollower.open(settings, ingestClients, ingest, ingestMetrics,
                    Clock.systemUTC());
            CompletableFuture<?> following = CompletableFuture.runAsync(() -> follow(follower), threads);
            for (int i = 0; i < cameras; i++) {
                registry.put(camera(i, "synthetic:?seed=" + i + "&fps=" + (int) FPS), Duration.ofSeconds(30));
            }
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long measureTo = measureFrom + measured.toNanos();
            long windowsInMeasure = 0;
            while (System.nanoTime() < measureTo && scoring.stream().noneMatch(CompletableFuture::isDone)) {
                for (ConsumerRecord<String, byte[]> r : scores.poll(Duration.ofMillis(20))) {
                    scored++;
                    long now = System.nanoTime();
                    if (now >= measureFrom) {
                        ScoreRecord s = serdes.scoreDeserializer().deserialize(r.topic(), r.value());
                        long capture = s.frames().get(s.frames().size() - 1).captureTimeMicros();
                        latencies.add((System.currentTimeMillis() * 1000 - capture) / 1000.0);
                        windowsInMeasure++;
                    }
                }
            }
            for (int i = 0; i < cameras; i++) {
                registry.remove("cam-" + i, Duration.ofSeconds(30));
            }
            long drainUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < drainUntil && (!follower.cameras().isEmpty() || scored < published(
                    ingestMetrics))) {
                scored += scores.poll(Duration.ofMillis(100)).count();
            }
            long published = published(ingestMetrics);
            follower.close();
            following.join();
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Step(cameras, windowsInMeasure / (measured.toNanos() / 1e9),
                    ScoreBenchmark.quantile(sorted, 0.5), ScoreBenchmark.quantile(sorted, 0.99), published, scored);
        } finally {
            if (trainer != null) {
                trainer.close();
                training.join();
            }
            scoringServices.forEach(ScorerService::close);
        }
    }

    /** A continual trainer of the default detector on the case's frames topic, with its own clients. */
    private static TrainerService trainer(Map<String, String> topics, String servers) {
        Map<String, String> flags = new HashMap<>(topics);
        flags.putAll(Map.of("bootstrap-servers", servers, "model", "conv3d", "model-name", "fleet-trainer",
                "group-id", "vad-bench-trainer-" + topics.get("topic-frames"), "metrics-port", "-1"));
        ConfigReader config = new ConfigReader(flags, Map.of());
        TrainerSettings settings = TrainerSettings.load(config, null, null, List.of(), true);
        config.validate();
        return new TrainerService(settings, new KafkaClients(settings.kafka(), new SimpleMeterRegistry(), 64 << 20),
                new SimpleMeterRegistry(), Clock.systemUTC(), new ProgressLine(new PrintStream(
                OutputStream.nullOutputStream()), false));
    }

    private static void train(TrainerService trainer) {
        try {
            trainer.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void follow(CameraFollower follower) {
        try {
            follower.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IngestSettings ingestSettings(Map<String, String> topics, String servers) {
        Map<String, String> flags = new HashMap<>(topics);
        flags.putAll(Map.of("bootstrap-servers", servers, "follow-cameras", "true", "realtime", "true",
                "group-id", "vad-bench-" + topics.get("topic-frames"), "metrics-port", "-1"));
        ConfigReader config = new ConfigReader(flags, Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of(), List.of(), List.of(), true);
        config.validate();
        return settings;
    }

    private static Camera camera(int i, String source) {
        return new Camera(Camera.SCHEMA_VERSION, "cam-" + i, source, SIDE, SIDE, CameraColour.GREY, null, FRAMES,
                null, null, List.of(), true);
    }

    /** Windows ingest published, every stream together. */
    private static long published(SimpleMeterRegistry registry) {
        return Math.round(registry.find(VadMetric.INGEST_WINDOWS_PUBLISHED.meterName()).counters().stream()
                .mapToDouble(Counter::count).sum());
    }

}
