package dev.vad.bench;

import static dev.vad.bench.SceneWindows.FRAMES;
import static dev.vad.bench.SceneWindows.SIDE;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import dev.vad.scorer.ScorerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code vad bench score}: windows per second through the scorer on a real broker (compact 3D, 64x64 grey,
 * 8-frame windows) for 1, 4 and 16 streams, against the same network's own inference and scoring of the same
 * windows in process (the peer: what Kafka and the service add), and the end-to-end latency of one live 30 fps
 * stream from its last frame's capture to its score arriving at a consumer.
 */
public final class ScoreBenchmark {

    private static final int[] STREAMS = {1, 4, 16};

    private final int windows;
    private final String bootstrapServers;
    private final PrintWriter out;
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private List<FrameWindow> scene = List.of();

    /**
     * @param windows windows scored per stream count (spread over the streams)
     */
    public ScoreBenchmark(int windows, String bootstrapServers, PrintWriter out) {
        this.windows = windows;
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public int run() throws Exception {
        scene = SceneWindows.render(64);
        ExecutorService threads = Executors.newCachedThreadPool();
        try (BenchBroker broker = new BenchBroker(bootstrapServers);
             KafkaClients clients = new KafkaClients(new KafkaSettings(broker.bootstrapServers(), Map.of()),
                     new SimpleMeterRegistry(), 64 << 20)) {
            String servers = broker.bootstrapServers();
            WindowModel model = ModelFitter.create(scene.get(0), fit());
            ModelFitter.Fitted fitted = ModelFitter.fit(model, scene.subList(0, 48), scene.subList(48, 64), fit(),
                    (step, loss) -> { });
            ModelArtifact artifact = ModelArtifacts.pack(model.network(), header(model, fitted));
            ScorePipeline pipeline = new ScorePipeline(clients, servers, serdes);
            out.println("bench=score model=compact conv3d window=8x64x64 grey windows=" + windows + " broker="
                    + broker.shown() + " threads=" + System.getenv()
                    .getOrDefault("OMP_NUM_THREADS", "all"));
            double best = 0;
            for (int streams : STREAMS) {
                double rate = throughput(pipeline, artifact, streams, threads);
                best = Math.max(best, rate);
                out.printf("windows_per_s_%d_streams=%.1f%n", streams, rate);
                out.flush();
            }
            double[] latency = latency(pipeline, artifact, threads);
            double peer = inference(model);
            out.printf("in_process_windows_per_s=%.1f%n", peer);
            out.printf("e2e_latency_p50_ms=%.1f%ne2e_latency_p99_ms=%.1f%nstreams_at_30fps_per_machine=%.1f%n"
                    + "ratio=%.2f%n", latency[0], latency[1], best * FRAMES / 30.0, best / peer);
            return 0;
        } finally {
            out.flush();
            threads.shutdownNow();
        }
    }

    private static FitSettings fit() {
        return new FitSettings(Preset.COMPACT, 3, 8, 20, 3e-3, 1, 8);
    }

    /** The same model reconstructing and scoring the same windows in batches of 16, no Kafka. */
    private double inference(WindowModel model) {
        List<FrameWindow> batch = scene.subList(0, 16);
        for (int i = 0; i < 10; i++) {
            try (WindowModel.Reconstructed r = model.reconstruct(batch)) {
                r.frameErrors(0);
            }
        }
        int done = 0;
        long start = System.nanoTime();
        while (done < windows) {
            try (WindowModel.Reconstructed r = model.reconstruct(batch)) {
                for (int i = 0; i < batch.size(); i++) {
                    r.frameErrors(i);
                }
            }
            done += batch.size();
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** Windows per second scored, from the first score received to the last. */
    private double throughput(ScorePipeline pipeline, ModelArtifact artifact, int streams, ExecutorService threads)
            throws Exception {
        Map<String, String> topics = pipeline.topics(artifact);
        try (Producer<String, FrameWindow> producer = pipeline.frames("vad-bench-frames")) {
            for (int n = 0; n < windows; n++) {
                FrameWindow w = scene.get(n % scene.size());
                String stream = "cam-" + (n % streams);
                producer.send(new ProducerRecord<>(topics.get("topic-frames"), stream,
                        SceneWindows.copy(w, stream, n / streams)));
            }
            producer.flush();
        }
        ScorerService scorer = pipeline.scorer(topics);
        CompletableFuture<?> running = CompletableFuture.runAsync(() -> ScorePipeline.run(scorer), threads);
        try (Consumer<String, byte[]> scores = pipeline.scores(topics)) {
            long first = 0;
            long last = 0;
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < windows && System.nanoTime() < deadline && !running.isDone()) {
                for (ConsumerRecord<String, byte[]> ignored : scores.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    first = seen == 0 ? now : first;
                    last = now;
                    seen++;
                }
            }
            if (seen < windows) {
                throw new IllegalStateException("the scorer scored " + seen + " of " + windows + " windows");
            }
            return (seen - 1) / ((last - first) / 1e9);
        } finally {
            scorer.close();
        }
    }

    /** p50 and p99 in ms of one 30 fps stream: from its last frame's capture to its score at a consumer. */
    private double[] latency(ScorePipeline pipeline, ModelArtifact artifact, ExecutorService threads)
            throws Exception {
        Map<String, String> topics = pipeline.topics(artifact);
        ScorerService scorer = pipeline.scorer(topics);
        CompletableFuture<?> running = CompletableFuture.runAsync(() -> ScorePipeline.run(scorer), threads);
        List<Double> latencies = new ArrayList<>();
        int count = Math.max(100, windows / 8);
        int warmUp = 10;
        try (Consumer<String, byte[]> scores = pipeline.scores(topics);
             Producer<String, FrameWindow> producer = pipeline.frames("vad-bench-live")) {
            long periodNanos = FRAMES * 1_000_000_000L / 30;
            long next = System.nanoTime();
            int sent = 0;
            while (latencies.size() < count && !running.isDone()) {
                if (sent < count + warmUp && System.nanoTime() >= next) {
                    long captured = System.currentTimeMillis() * 1000;
                    FrameWindow w = scene.get(sent % scene.size());
                    producer.send(new ProducerRecord<>(topics.get("topic-frames"), null, captured / 1000, "live",
                            SceneWindows.live(w, sent, captured)));
                    sent++;
                    next += periodNanos;
                }
                for (ConsumerRecord<String, byte[]> r : scores.poll(Duration.ofMillis(2))) {
                    ScoreRecord s = serdes.scoreDeserializer().deserialize(r.topic(), r.value());
                    long capture = s.frames().get(s.frames().size() - 1).captureTimeMicros();
                    if (s.sequence() >= warmUp) {
                        latencies.add((System.currentTimeMillis() * 1000 - capture) / 1000.0);
                    }
                }
            }
        } finally {
            scorer.close();
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {quantile(sorted, 0.5), quantile(sorted, 0.99)};
    }

    /** The {@code p} quantile of ascending values (nearest rank), NaN for none. */
    static double quantile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static ModelHeader header(WindowModel model, ModelFitter.Fitted fitted) {
        int[] shape = model.network().spec().inputShape().stream().mapToInt(Integer::intValue).toArray();
        return new ModelHeader("bench", 1, "compact", 3, model.view().describe(), shape, FRAMES, SIDE, SIDE,
                PixelFormat.GRAY8, model.normalisation(), new TreeMap<>(Map.of("patch", "8")), 1, List.of(),
                fitted.calibration(), new TreeMap<>(), 0);
    }
}
