package dev.vad.trainer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.service.ForegroundService;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer service: reads frame windows from Kafka, learns with a {@link dev.vad.core.train.TrainingSession},
 * and publishes versions through a {@link ModelPublisher}. Runs on the caller's thread until its mode ends or
 * {@link #close()} asks it to stop; a stop abandons at most the current step and never publishes a partial model.
 */
public final class TrainerService implements ForegroundService<TrainerOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);
    private static final String SERVICE = "trainer";
    /** How old an unfinished model file must be before a starting trainer deletes it. */
    private static final Duration ABANDONED_WRITE_AGE = Duration.ofMinutes(10);

    private final TrainerSettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ProgressLine progress;
    private final TrainerMetrics metrics;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

    public TrainerService(TrainerSettings settings, KafkaClients clients, MeterRegistry registry, Clock clock,
                          ProgressLine progress) {
        this.settings = settings;
        this.clients = clients;
        this.registry = registry;
        this.clock = clock;
        this.progress = progress;
        this.metrics = new TrainerMetrics(registry, settings.modelName());
    }

    /**
     * Trains until the mode ends (fit-then-freeze, replay) or {@link #close()} (continual).
     *
     * @throws java.io.UncheckedIOException when the model directory is not writable, naming it
     */
    @Override
    public TrainerOutcome run() throws InterruptedException {
        try {
            return runModes();
        } finally {
            progress.finish();
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to stop and waits for it to finish its step, commit and close its clients. */
    @Override
    public void close() {
        stopping = true;
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TrainerOutcome runModes() throws InterruptedException {
        ModelDirectory directory = settings.modelDir() == null ? null
                : new ModelDirectory(settings.modelDir()).requireWritable();
        if (directory != null) {
            // file times come from the system clock, so the cutoff does too
            int removed = directory.removeAbandonedWrites(Instant.now().minus(ABANDONED_WRITE_AGE));
            if (removed > 0) {
                LOG.info("removed {} unfinished model file(s) left in {} by an earlier run", removed,
                        directory.root());
            }
        }
        try (Admin admin = clients.admin("vad-trainer-admin")) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.usedBy(
                    KafkaAccess.trainer(settings.topics(), settings.groupId()), settings.topics(),
                    settings.topicSettings()), settings.topicSettings().create());
        }
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        try (Producer<String, ModelArtifact> models = clients.producer("vad-trainer-models", new StringSerializer(),
                serdes.modelSerializer());
             Producer<String, DeadLetter> dlqProducer = clients.producer("vad-trainer-dlq", new StringSerializer(),
                     serdes.deadLetterSerializer())) {
            DeadLetters deadLetters = new DeadLetters(dlqProducer, settings.topics().deadLetters(), SERVICE,
                    1 << 20, registry, clock);
            Optional<ModelArtifact> parent = newestPublished(directory);
            ModelPublisher publisher = new ModelPublisher(models, settings.topics().models(), directory);
            ConsumerLoop<FrameWindow> loop = new ConsumerLoop<>(new FrameWindowCodec(WireLimits.DEFAULT)::decode,
                    deadLetters, SERVICE, "those windows are read again", metrics::lag);
            TrainerRun run = new TrainerRun(settings, clients, metrics, progress, clock, publisher, loop, parent,
                    () -> stopping);
            return switch (settings.mode()) {
                case CONTINUAL -> new ContinualTraining(run).train();
                case FIT_THEN_FREEZE -> new FitThenFreeze(run).train();
                case REPLAY -> new ReplayTraining(run).train();
            };
        }
    }

    /** The newest version of this model, on the topic or in the directory: new versions number on from it. */
    private Optional<ModelArtifact> newestPublished(ModelDirectory directory) {
        Optional<ModelArtifact> onTopic;
        try (ModelFeed feed = new ModelFeed(clients, settings.topics().models(), "vad-trainer-feed",
                (record, error) -> { })) {
            onTopic = Optional.ofNullable(feed.catchUp(Duration.ofSeconds(60)).get(settings.modelName()));
        }
        Optional<ModelArtifact> inDirectory = directory == null ? Optional.empty()
                : directory.newest(settings.modelName());
        return onTopic.isPresent() && inDirectory.isPresent()
                ? Optional.of(onTopic.get().header().version() >= inDirectory.get().header().version()
                        ? onTopic.get() : inDirectory.get())
                : onTopic.isPresent() ? onTopic : inDirectory;
    }
}
