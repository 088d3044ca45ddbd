package dev.vad.scorer;

import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.kafka.OffsetCommits;
import dev.vad.common.kafka.RangeReader;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.service.ForegroundService;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.TimestampKind;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.core.score.ActiveModel;
import dev.vad.core.score.ScoredWindow;
import dev.vad.core.score.WindowScorer;
import dev.vad.scorer.evidence.EvidenceMetrics;
import dev.vad.scorer.evidence.EvidenceRecorder;
import dev.vad.scorer.evidence.EvidenceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer service: scores every window of the frames topic with the newest version of one model, swapping in
 * new versions between batches, and publishes scores, sampled reconstructions and episode records. Offsets are
 * committed only once everything a poll produced is acknowledged. With a range it re-scores that range with one
 * fixed version into separate output topics, outside any group. Runs on the caller's thread until stopped.
 */
public final class ScorerService implements ForegroundService<ScorerOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerService.class);
    private static final String SERVICE = "scorer";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final ScorerSettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ScorerMetrics metrics;
    private final ScoreObserver observer;
    private final WindowScorer scorer;
    private final EvidenceRecorder evidence;
    private final FrameWindowCodec codec = new FrameWindowCodec(WireLimits.DEFAULT);
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Long> versions = new ArrayList<>();
    private volatile boolean stopping;
    private ActiveModel active;
    private long scored;
    private long rejected;

    public ScorerService(ScorerSettings settings, KafkaClients clients, MeterRegistry registry, Clock clock) {
        this(settings, clients, registry, clock, ScoreObserver.NONE);
    }

    /**
     * A scorer that also shows every scored window to {@code observer} (e.g. the live viewer), and stores evidence
     * in the settings' evidence directory when one is set.
     */
    public ScorerService(ScorerSettings settings, KafkaClients clients, MeterRegistry registry, Clock clock,
                         ScoreObserver observer) {
        this(settings, clients, registry, clock, observer, settings.evidence().enabled()
                ? EvidenceStore.open(settings.evidence().dir(), clock) : null);
    }

    /**
     * A scorer that stores evidence in {@code store} (shared with the viewer, which lists it), or none when it is
     * null.
     */
    public ScorerService(ScorerSettings settings, KafkaClients clients, MeterRegistry registry, Clock clock,
                         ScoreObserver observer, EvidenceStore store) {
        this.observer = observer;
        this.settings = settings;
        this.clients = clients;
        this.registry = registry;
        this.clock = clock;
        this.metrics = new ScorerMetrics(registry, settings.modelName(), settings.scoring().calibration().threshold());
        this.scorer = new WindowScorer(settings.scoring(), metrics::forget);
        this.evidence = store == null ? null : new EvidenceRecorder(settings.evidence(), store,
                settings.scoring().maxStreams());
        if (evidence != null) {
            EvidenceMetrics.register(registry, store, evidence);
        }
    }

    /** Scores until {@link #close()} (live) or the range's end (re-scoring). */
    @Override
    public ScorerOutcome run() throws InterruptedException {
        try {
            try (Admin admin = clients.admin("vad-scorer-admin")) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.usedBy(
                        KafkaAccess.scorer(settings.topics(), settings.outputTopics(), settings.groupId()),
                        settings.outputTopics(), settings.topicSettings()), settings.topicSettings().create());
            }
            ModelDirectory directory = settings.modelDir() == null ? null : new ModelDirectory(settings.modelDir());
            // Scores are small and wanted at once: a 1 ms linger rather than the pipeline's 5 ms.
            try (Producer<String, byte[]> out = clients.producer("vad-scorer", new StringSerializer(),
                    new ByteArraySerializer(), Map.of(ProducerConfig.LINGER_MS_CONFIG, 1));
                 Producer<String, DeadLetter> letters = clients.producer("vad-scorer-dlq", new StringSerializer(),
                         serdes.deadLetterSerializer());
                 ModelFeed feed = new ModelFeed(clients, settings.topics().models(), "vad-scorer-models",
                         (record, error) -> metrics.modelRejected())) {
                Outputs outputs = new Outputs(out, new DeadLetters(letters, settings.topics().deadLetters(), SERVICE,
                        1 << 20, registry, clock));
                if (settings.range() != null) {
                    return rescore(feed, directory, outputs);
                }
                if (!awaitFirstModel(feed, directory)) {
                    return outcome("stopped before a model of " + settings.modelName() + " was published");
                }
                return live(feed, outputs);
            }
        } finally {
            if (evidence != null) {
                evidence.close();
            }
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to stop after its current batch, and waits for it. */
    @Override
    public void close() {
        stopping = true;
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ScorerOutcome live(ModelFeed feed, Outputs outputs) throws InterruptedException {
        // One batch per poll: a poll's windows are all scored before the loop looks at `stopping` and commits.
        // With Kafka's default of 500 records, a backlog (the windows that waited for the first model) took
        // minutes per poll on a small machine while the trainer shared its cores: longer than the compose file's
        // stop grace period after SIGTERM, and at worst than max.poll.interval.ms, after which the commit fails
        // and the same windows are scored again (figures: docs/performance, 2026-12-03-engine-figures).
        try (Consumer<String, byte[]> consumer = clients.consumer(settings.groupId(), "vad-scorer",
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.scoring().maxBatchWindows()))) {
            consumer.subscribe(List.of(settings.topics().frames()));
            while (!stopping) {
                for (ModelArtifact artifact : feed.poll(Duration.ZERO)) {
                    if (artifact.key().equals(settings.modelName())) {
                        swapTo(artifact);
                    }
                }
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                consumer.poll(POLL).forEach(records::add);
                if (records.isEmpty()) {
                    continue;
                }
                if (active == null) {
                    metrics.skipped(records.size());
                } else {
                    process(records, outputs);
                }
                // After a rebalance took the partitions away meanwhile, their new owner scores those windows again
                // (at least once: duplicates carry the same stream and sequence).
                OffsetCommits.commit(consumer, nextOffsets(records), "the new owner scores those windows again");
                long lag = 0;
                for (TopicPartition tp : consumer.assignment()) {
                    lag += consumer.currentLag(tp).orElse(0);
                }
                metrics.lag(lag);
            }
        }
        return outcome(null);
    }

    private ScorerOutcome rescore(ModelFeed feed, ModelDirectory directory, Outputs outputs)
            throws InterruptedException {
        String name = settings.modelName();
        long version = settings.modelVersion();
        Optional<ModelArtifact> artifact = feed.find(name, version, Duration.ofSeconds(60));
        if (artifact.isEmpty() && directory != null) {
            artifact = directory.read(name, version);
        }
        if (artifact.isEmpty()) {
            throw new IllegalStateException("model " + name + "@" + version + " is not on "
                    + settings.topics().models() + (directory == null ? " and no --model-dir was given"
                    : " nor in " + directory.root()) + " (the compacted topic keeps only each name's newest version"
                    + " for long; --model-dir keeps them all)");
        }
        swapTo(artifact.get());
        String topic = settings.topics().frames();
        try (Consumer<String, byte[]> consumer = clients.consumer(null, "vad-scorer-rescore",
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicRange.PartitionRange> ranges = settings.range().resolve(consumer, topic, Duration.ofSeconds(30));
            LOG.info("re-scoring {} records of {} ({}) with {} into {}", RangeReader.total(ranges), topic,
                    RangeReader.describe(ranges), active, settings.outputTopics().scores());
            boolean complete = RangeReader.read(consumer, topic, ranges, () -> stopping,
                    records -> process(records, outputs));
            return outcome(complete ? null : "stopped before the end of the range");
        }
    }

    /** Waits for the first version of the model on the topic (or in the directory); false when stopped first. */
    private boolean awaitFirstModel(ModelFeed feed, ModelDirectory directory) throws InterruptedException {
        Optional<ModelArtifact> newest = Optional.ofNullable(feed.catchUp(Duration.ofSeconds(60))
                .get(settings.modelName()));
        Optional<ModelArtifact> inDirectory = directory == null ? Optional.empty()
                : directory.newest(settings.modelName());
        if (inDirectory.isPresent() && (newest.isEmpty()
                || inDirectory.get().header().version() > newest.get().header().version())) {
            newest = inDirectory;
        }
        if (newest.isPresent() && swapTo(newest.get())) {
            return true;
        }
        if (settings.skipWithoutModel()) {
            LOG.info("no model {} yet on {}: windows are passed over until one arrives", settings.modelName(),
                    settings.topics().models());
            return true;
        }
        LOG.info("waiting for model {} on {}", settings.modelName(), settings.topics().models());
        while (!stopping) {
            for (ModelArtifact artifact : feed.poll(Duration.ofMillis(500))) {
                if (artifact.key().equals(settings.modelName()) && swapTo(artifact)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Loads a version and makes it the active one; a version that cannot be loaded is skipped. */
    private boolean swapTo(ModelArtifact artifact) {
        if (active != null && artifact.header().version() <= active.header().version()) {
            return false;
        }
        ActiveModel loaded;
        try {
            loaded = ActiveModel.of(artifact);
        } catch (RuntimeException e) {
            metrics.modelRejected();
            LOG.error("cannot load {}@{}, keeping {}: {}", artifact.header().name(), artifact.header().version(),
                    active == null ? "none" : active, e.getMessage());
            return false;
        }
        LOG.info("{} {}", active == null ? "scoring with" : "swapped in", loaded);
        metrics.swapped(loaded.header().version(), active == null);
        active = loaded;
        versions.add(loaded.header().version());
        return true;
    }

    /** Scores a poll's records and waits until every output (and dead letter) is acknowledged. */
    private void process(List<ConsumerRecord<String, byte[]>> records, Outputs outputs) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<FrameWindow> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            FrameWindow window;
            try {
                window = codec.decode(record.value() == null ? new byte[0] : record.value());
            } catch (WireFormatException e) {
                sent.add(outputs.reject(record, "decode", e.getMessage()));
                continue;
            }
            String mismatch = active.mismatch(window);
            if (mismatch != null) {
                sent.add(outputs.reject(record, "shape_mismatch", mismatch));
                continue;
            }
            batch.add(window);
            if (batch.size() == settings.scoring().maxBatchWindows()) {
                scoreBatch(batch, outputs, sent);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            scoreBatch(batch, outputs, sent);
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the scorer's output ("
                        + (e.getCause() == null ? e : e.getCause()).getMessage() + "); nothing of this poll is"
                        + " committed, so it is scored again after a restart", e);
            }
        }
    }

    private void scoreBatch(List<FrameWindow> batch, Outputs outputs, List<Future<RecordMetadata>> sent) {
        long started = System.nanoTime();
        long now = clock.millis() * 1000;
        List<ScoredWindow> results = scorer.score(active, batch, now);
        metrics.batch(batch.size(), System.nanoTime() - started);
        for (ScoredWindow scoredWindow : results) {
            ScoredWindow result = evidence == null ? scoredWindow : scoredWindow.withEvents(evidence.record(
                    scoredWindow.window(), scoredWindow.events(), scoredWindow.openingErrors()));
            sent.addAll(outputs.publish(result, settings));
            scored++;
            long endToEnd = result.window().timestampKind() == TimestampKind.WALL_CLOCK
                    ? clock.millis() * 1000 - result.window().lastCaptureTimeMicros() : -1;
            metrics.scored(result.score(), endToEnd);
            result.events().forEach(metrics::event);
            observer.scored(result.window(), result.score(), result.reconstruction());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            next.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return next;
    }

    private ScorerOutcome outcome(String note) {
        return new ScorerOutcome(settings.modelName(), versions, scored, rejected, note);
    }

    /** Where results go: the output topics (keyed by stream) and the dead-letter topic. */
    private final class Outputs {

        private final Producer<String, byte[]> producer;
        private final DeadLetters deadLetters;
        private final Serializer<dev.vad.common.wire.ScoreRecord> scores = serdes.scoreSerializer();
        private final Serializer<AnomalyEvent> events = serdes.eventSerializer();
        private final Serializer<dev.vad.common.wire.Reconstruction> reconstructions =
                serdes.reconstructionSerializer();

        Outputs(Producer<String, byte[]> producer, DeadLetters deadLetters) {
            this.producer = producer;
            this.deadLetters = deadLetters;
        }

        List<Future<RecordMetadata>> publish(ScoredWindow result, ScorerSettings s) {
            String key = result.window().streamId();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            String scoresTopic = s.outputTopics().scores();
            sent.add(producer.send(new ProducerRecord<>(scoresTopic, key,
                    scores.serialize(scoresTopic, result.score()))));
            if (result.reconstruction() != null) {
                String topic = s.outputTopics().reconstructions();
                sent.add(producer.send(new ProducerRecord<>(topic, key,
                        reconstructions.serialize(topic, result.reconstruction()))));
            }
            for (AnomalyEvent event : result.events()) {
                String topic = s.outputTopics().events();
                sent.add(producer.send(new ProducerRecord<>(topic, key, events.serialize(topic, event))));
            }
            return sent;
        }

        Future<RecordMetadata> reject(ConsumerRecord<String, byte[]> record, String reason, String detail) {
            rejected++;
            byte[] key = record.key() == null ? null : record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return deadLetters.send(record, key, reason, detail);
        }
    }
}
