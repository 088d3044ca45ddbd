package dev.vad.ingest;

import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaRefusal;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.window.Windower;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * The ingest service: every configured stream on its own thread, all publishing through one producer. A stream
 * that fails is reported and the others go on.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    static final int BULK_LINGER_MS = 25;

    private final Producer<String, FrameWindow> producer;
    private final Map<String, StreamIngestor> ingestors = new LinkedHashMap<>();
    private final Map<String, IngestMetrics> metrics = new LinkedHashMap<>();
    private final Map<String, Future<String>> runs = new LinkedHashMap<>();

    private IngestService(Producer<String, FrameWindow> producer) {
        this.producer = producer;
    }

    /**
     * Creates missing topics, then starts every stream on {@code executor} (one thread each).
     *
     * @param seed seeds the reconnection jitter
     */
    public static IngestService start(IngestSettings settings, KafkaClients clients, MeterRegistry registry,
                                      Clock clock, ExecutorService executor, long seed) {
        try (Admin admin = clients.admin("vad-ingest-admin")) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.usedBy(
                    KafkaAccess.ingest(settings.topics()), settings.topics(), settings.topicSettings()),
                    settings.topicSettings().create());
        }
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        IngestService service = new IngestService(clients.producer("vad-ingest", new StringSerializer(),
                serdes.frameWindowSerializer(), producerTuning(settings)));
        SplittableRandom random = new SplittableRandom(seed);
        WindowSink sink = new KafkaWindowSink(service.producer, settings.topics().frames(), clock);
        for (StreamPlan plan : settings.streams()) {
            FrameSource source = FrameSources.of(plan.source(), settings.geometry(), settings.ffmpeg(), clock);
            Windower windower = new Windower(plan.streamId(), settings.shape(), settings.geometry().width(),
                    settings.geometry().height(), settings.geometry().pixelFormat(),
                    plan.timestampKind());
            IngestMetrics streamMetrics = new IngestMetrics(registry, plan.streamId());
            StreamIngestor ingestor = new StreamIngestor(plan, source, windower, sink, streamMetrics, clock,
                    Sleeper.SYSTEM, random.split());
            service.ingestors.put(plan.streamId(), ingestor);
            service.metrics.put(plan.streamId(), streamMetrics);
            service.runs.put(plan.streamId(), executor.submit(() -> runStream(plan, ingestor)));
        }
        return service;
    }

    /**
     * Live or paced streams keep the default short linger (latency); when every stream is a file read as fast as
     * possible (replay, backfill), records linger longer so fewer, larger requests carry them (throughput).
     */
    static Map<String, Object> producerTuning(IngestSettings settings) {
        boolean bulk = settings.streams().stream()
                .noneMatch(plan -> plan.source().kind().live() || plan.realtime() || plan.loop());
        return bulk ? Map.of(ProducerConfig.LINGER_MS_CONFIG, BULK_LINGER_MS) : Map.of();
    }

    /** Waits for every stream to end (finite sources) or to be stopped, and says how each ended. */
    public List<StreamResult> awaitCompletion() throws InterruptedException {
        List<StreamResult> results = new ArrayList<>();
        for (Map.Entry<String, Future<String>> run : runs.entrySet()) {
            String failure;
            try {
                failure = run.getValue().get();
            } catch (ExecutionException e) {
                failure = String.valueOf(e.getCause().getMessage());
            }
            IngestMetrics m = metrics.get(run.getKey());
            results.add(new StreamResult(run.getKey(), (long) m.framesDecoded(), (long) m.windowsPublished(),
                    failure));
        }
        return results;
    }

    /** Stops every stream, waits for them, and flushes and closes the producer. */
    @Override
    public void close() {
        ingestors.values().forEach(StreamIngestor::stop);
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
