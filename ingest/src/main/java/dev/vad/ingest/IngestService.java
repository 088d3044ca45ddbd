package dev.vad.ingest;

import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.KafkaRefusal;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.metrics.VadMetric;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SampledSource;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.window.WindowShape;
import dev.vad.ingest.window.Windower;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: every stream on its own thread, all publishing through one producer. A stream that fails is
 * reported and the others go on. Streams are the sources given at start, or are started and stopped while it runs
 * (the camera registry's).
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    static final int BULK_LINGER_MS = 25;

    private final IngestSettings settings;
    private final Producer<String, FrameWindow> producer;
    private final WindowSink sink;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ExecutorService executor;
    private final SplittableRandom random;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, IngestMetrics> metrics = new ConcurrentHashMap<>();

    /** One stream running, or ended. */
    private record Run(StreamIngestor ingestor, Future<String> outcome) {
    }

    private IngestService(IngestSettings settings, KafkaClients clients, MeterRegistry registry, Clock clock,
                          ExecutorService executor, long seed) {
        this.settings = settings;
        this.producer = clients.producer("vad-ingest", new StringSerializer(),
                new WireSerdes(WireLimits.DEFAULT).frameWindowSerializer(), producerTuning(settings));
        this.sink = new KafkaWindowSink(producer, settings.topics().frames(), clock);
        this.registry = registry;
        this.clock = clock;
        this.executor = executor;
        this.random = new SplittableRandom(seed);
        VadMetric.INGEST_STREAMS.gauge(this, IngestService::running).register(registry);
    }

    /** True when no stream of {@code streamId} is reading now: it ended, failed, was stopped or never started. */
    public synchronized boolean ended(String streamId) {
        Run run = runs.get(streamId);
        return run == null || run.outcome().isDone();
    }

    /** Streams reading now. */
    public synchronized int running() {
        return (int) runs.values().stream().filter(run -> !run.outcome().isDone()).count();
    }

    /**
     * Creates missing topics, then starts every stream of {@code settings} on {@code executor} (one thread each).
     *
     * @param seed seeds the reconnection jitter
     */
    public static IngestService start(IngestSettings settings, KafkaClients clients, MeterRegistry registry,
                                      Clock clock, ExecutorService executor, long seed) {
        try (Admin admin = clients.admin("vad-ingest-admin")) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.usedBy(
                    KafkaAccess.ingest(settings.topics(), settings.followsCameras() ? settings.following().groupId()
                            : null), settings.topics(), settings.topicSettings()),
                    settings.topicSettings().create());
        }
        IngestService service = new IngestService(settings, clients, registry, clock, executor, seed);
        for (StreamPlan plan : settings.streams()) {
            service.startStream(plan, settings.geometry(), settings.shape(), null);
        }
        return service;
    }

    /**
     * Live or paced streams keep the default short linger (latency); when every stream is a file read as fast as
     * possible (replay, backfill), records linger longer so fewer, larger requests carry them (throughput).
     */
    static Map<String, Object> producerTuning(IngestSettings settings) {
        boolean bulk = !settings.followsCameras() && settings.streams().stream()
                .noneMatch(plan -> plan.source().kind().live() || plan.realtime() || plan.loop());
        return bulk ? Map.of(ProducerConfig.LINGER_MS_CONFIG, BULK_LINGER_MS) : Map.of();
    }

    /**
     * Starts one stream on its own thread.
     *
     * @param geometry the size and colour its frames are converted to
     * @param shape    its windows
     * @param fps      the rate its frames are sampled at, or null for every frame of the source
     * @throws IllegalStateException when a stream of that id is still running
     */
    public synchronized void startStream(StreamPlan plan, FrameGeometry geometry, WindowShape shape, Double fps) {
        Run running = runs.get(plan.streamId());
        if (running != null && !running.outcome().isDone()) {
            throw new IllegalStateException("stream " + plan.streamId() + " is already running");
        }
        FrameSource decoded = FrameSources.of(plan.source(), geometry, settings.ffmpeg(), clock);
        FrameSource source = fps == null ? decoded : new SampledSource(decoded, fps);
        Windower windower = new Windower(plan.streamId(), shape, geometry.width(), geometry.height(),
                geometry.pixelFormat(), plan.timestampKind());
        IngestMetrics streamMetrics = metrics.computeIfAbsent(plan.streamId(), id -> new IngestMetrics(registry, id));
        StreamIngestor ingestor = new StreamIngestor(plan, source, windower, sink, streamMetrics, clock,
                Sleeper.SYSTEM, random.split());
        runs.put(plan.streamId(), new Run(ingestor, executor.submit(() -> runStream(plan, ingestor))));
    }

    /** Stops the streams of {@code streamIds} that run, and waits until each has ended. */
    public void stopStreams(Collection<String> streamIds) throws InterruptedException {
        List<Run> stopping = new ArrayList<>();
        synchronized (this) {
            for (String id : streamIds) {
                Run run = runs.remove(id);
                if (run != null) {
                    run.ingestor().stop();
                    stopping.add(run);
                }
                IngestMetrics m = metrics.get(id);
                if (m != null) {
                    m.sourceFps(0);
                }
            }
        }
        for (Run run : stopping) {
            outcome(run);
        }
    }

    /** Waits for every stream to end (finite sources) or to be stopped, and says how each ended. */
    public List<StreamResult> awaitCompletion() throws InterruptedException {
        Map<String, Run> now;
        synchronized (this) {
            now = new LinkedHashMap<>(runs);
        }
        List<StreamResult> results = new ArrayList<>();
        for (Map.Entry<String, Run> run : now.entrySet()) {
            String failure = outcome(run.getValue());
            IngestMetrics m = metrics.get(run.getKey());
            results.add(new StreamResult(run.getKey(), (long) m.framesDecoded(), (long) m.windowsPublished(),
                    failure));
        }
        return results;
    }

    private static String outcome(Run run) throws InterruptedException {
        try {
            return run.outcome().get();
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }

    /** Stops every stream, waits for them, and flushes and closes the producer. */
    @Override
    public void close() {
        synchronized (this) {
            runs.values().forEach(run -> run.ingestor().stop());
        }
        try {
            awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }

    private static String runStream(StreamPlan plan, StreamIngestor ingestor) {
        try {
            ingestor.run();
            LOG.info("stream {}: done", plan.streamId());
            return null;
        } catch (SourceException | RuntimeException e) {
            String failure = e.getMessage() + KafkaRefusal.advice(e).map(advice -> "; " + advice).orElse("");
            LOG.error("stream {}: {}", plan.streamId(), failure);
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
