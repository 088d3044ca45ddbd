package dev.vad.scorer;

import dev.vad.common.camera.CameraRules;
import dev.vad.common.kafka.CameraFeed;
import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.service.ForegroundService;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.core.score.ActiveModel;
import dev.vad.core.score.ScoredWindow;
import dev.vad.core.score.StreamRule;
import dev.vad.core.score.WindowScorer;
import dev.vad.scorer.evidence.EvidenceMetrics;
import dev.vad.scorer.evidence.EvidenceRecorder;
import dev.vad.scorer.evidence.EvidenceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The scorer service: scores every window of the frames topic with the newest version of one model, swapping in
 * new versions between batches, and publishes scores, sampled reconstructions and episode records
 * ({@link LiveScoring}). Each camera of the registry is scored with its own threshold and ignore masks, followed as
 * the registry changes. Offsets are committed only once everything a poll produced is acknowledged. With a range
 * it re-scores that range with one fixed version into separate output topics, outside any group
 * ({@link RangeRescoring}). Runs on the caller's thread until stopped.
 */
public final class ScorerService implements ForegroundService<ScorerOutcome> {

    private static final String SERVICE = "scorer";

    private final ScorerSettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ScorerMetrics metrics;
    private final ScoreObserver observer;
    private final WindowScorer scorer;
    private final EvidenceRecorder evidence;
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private final ModelSlot model;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

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
        this.metrics = new ScorerMetrics(registry, settings.modelName());
        this.scorer = new WindowScorer(settings.scoring(), metrics::forget);
        this.model = new ModelSlot(metrics);
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
                         (record, error) -> metrics.modelRejected());
                 CameraFeed cameras = new CameraFeed(clients, settings.topics().cameras(), "vad-scorer-cameras",
                         CameraRules::problems)) {
                cameras.catchUp(Duration.ofSeconds(30));
                followCameras(cameras);
                ConsumerLoop<FrameWindow> loop = new ConsumerLoop<>(new FrameWindowCodec(WireLimits.DEFAULT)::decode,
                        new DeadLetters(letters, settings.topics().deadLetters(), SERVICE, 1 << 20, registry, clock),
                        SERVICE, "the windows are scored again", metrics::lag);
                BatchScoring scoring = new BatchScoring(settings, clock, metrics, scorer, evidence, observer, model,
                        new ScoreOutputs(out, settings.outputTopics(), serdes), loop);
                String note;
                if (settings.range() == null) {
                    note = new LiveScoring(settings, metrics, feed, model, scoring, () -> {
                        if (cameras.poll(Duration.ZERO)) {
                            followCameras(cameras);
                        }
                    }, () -> stopping).score(clients, directory, loop);
                } else {
                    note = new RangeRescoring(settings, model, scoring, () -> stopping)
                            .score(clients, feed, directory, loop);
                }
                return new ScorerOutcome(settings.modelName(), model.versions(), scoring.scored(),
                        loop.deadLettered(), note);
            }
        } finally {
            if (evidence != null) {
                evidence.close();
            }
            finished.countDown();
        }
    }

    /** Scores each camera's windows with its threshold and ignore masks from now on. */
    private void followCameras(CameraFeed cameras) {
        Map<String, StreamRule> rules = new HashMap<>();
        cameras.cameras().forEach((id, camera) -> rules.put(id, StreamRule.of(camera)));
        scorer.rules(rules);
        observer.cameras(rules);
        metrics.cameras(rules.size());
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
}
