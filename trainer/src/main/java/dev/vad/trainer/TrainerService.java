package dev.vad.trainer;

import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.service.ForegroundService;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.kafka.RangeReader;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.model.Autoencoder;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.fit.WindowModels;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer service: reads frame windows from Kafka, learns with a {@link TrainingSession}, and publishes
 * versions through a {@link ModelPublisher}. Runs on the caller's thread until its mode ends or {@link #close()}
 * asks it to stop; a stop abandons at most the current step and never publishes a partial model.
 */
public final class TrainerService implements ForegroundService<TrainerOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);
    private static final String SERVICE = "trainer";
    private static final Duration POLL = Duration.ofMillis(100);
    /** How old an unfinished model file must be before a starting trainer deletes it. */
    private static final Duration ABANDONED_WRITE_AGE = Duration.ofMinutes(10);

    private final TrainerSettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ProgressLine progress;
    private final TrainerMetrics metrics;
    private final FrameWindowCodec codec = new FrameWindowCodec(WireLimits.DEFAULT);
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
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(
                    TopicSpec.pipeline(settings.topics(), settings.topicSettings()), settings.topicSettings().create());
        }
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        try (Producer<String, ModelArtifact> models = clients.producer("vad-trainer-models", new StringSerializer(),
                serdes.modelSerializer());
             Producer<String, DeadLetter> dlqProducer = clients.producer("vad-trainer-dlq", new StringSerializer(),
                     serdes.deadLetterSerializer())) {
            DeadLetters deadLetters = new DeadLetters(dlqProducer, settings.topics().deadLetters(), SERVICE,
                    1 << 20, registry, clock);
            Optional<ModelArtifact> parent = newestPublished(directory);
            ModelPublisher publisher = new ModelPublisher(models, settings.topics().models(), directory, clock);
            Run run = new Run(publisher, deadLetters, parent);
            return switch (settings.mode()) {
                case CONTINUAL -> run.continual();
                case FIT_THEN_FREEZE -> run.freeze();
                case REPLAY -> run.replay();
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

    /** One run of the service: its consumer, session and what it has consumed. */
    private final class Run {

        private final ModelPublisher publisher;
        private final DeadLetters deadLetters;
        private final ModelArtifact parent;
        private final Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
        private final List<Future<RecordMetadata>> pendingLetters = new ArrayList<>();
        private final List<Long> versions = new ArrayList<>();
        private long nextVersion;
        private Lineage lineage;
        private TrainingSession session;
        private WindowFormat format;
        private double lastValidation = Double.NaN;
        private double publishedLoss = Double.POSITIVE_INFINITY;
        private long accepted;
        private long rejected;
        private long startNanos;

        Run(ModelPublisher publisher, DeadLetters deadLetters, Optional<ModelArtifact> parent) {
            this.publisher = publisher;
            this.deadLetters = deadLetters;
            this.parent = parent.orElse(null);
            this.nextVersion = parent.map(p -> p.header().version() + 1).orElse(1L);
        }

        TrainerOutcome continual() throws InterruptedException {
            try (Consumer<byte[], byte[]> consumer = subscribe()) {
                if (parent != null) {
                    continueFrom(parent);
                }
                int sinceValidation = 0;
                long lastValidation = System.nanoTime();
                while (!stopping) {
                    take(consumer.poll(session != null && session.ready() ? Duration.ZERO : POLL), Long.MAX_VALUE);
                    if (session == null || !session.ready()) {
                        continue;
                    }
                    step(0);
                    sinceValidation++;
                    boolean due = sinceValidation >= settings.publishEverySteps()
                            || System.nanoTime() - lastValidation >= settings.publishEvery().toNanos();
                    if (due && !stopping) {
                        TrainingSession.Evaluation evaluation = session.evaluate();
                        validated(evaluation);
                        double loss = evaluation.fitted().validationLoss();
                        if (loss < publishedLoss * (1 - settings.minImprovement())) {
                            publish(session.model().network(), evaluation.fitted());
                            publishedLoss = loss;
                            commit(consumer);
                        }
                        sinceValidation = 0;
                        lastValidation = System.nanoTime();
                        lag(consumer);
                    }
                }
                commit(consumer);
            }
            return outcome(null);
        }

        TrainerOutcome freeze() throws InterruptedException {
            try (Consumer<byte[], byte[]> consumer = subscribe()) {
                long firstNanos = 0;
                long lastWindowNanos = 0;
                LOG.info("collecting {} windows from {} (group {}) for {}", settings.trainWindows(),
                        settings.topics().frames(), settings.groupId(), settings.modelName());
                while (!stopping && accepted < settings.trainWindows()) {
                    long before = accepted;
                    take(consumer.poll(POLL), settings.trainWindows());
                    long now = System.nanoTime();
                    if (accepted > before) {
                        firstNanos = firstNanos == 0 ? now : firstNanos;
                        lastWindowNanos = now;
                    }
                    if (accepted > 0 && now - lastWindowNanos >= settings.idleTimeout().toNanos()) {
                        LOG.info("no window for {}; the stream counts as ended after {} windows",
                                settings.idleTimeout(), accepted);
                        break;
                    }
                    if (accepted > 0 && !settings.trainFor().isZero()
                            && now - firstNanos >= settings.trainFor().toNanos()) {
                        break;
                    }
                }
                if (stopping) {
                    return outcome("stopped while collecting; no model published");
                }
                if (session == null || !session.ready()) {
                    return outcome(accepted + " windows are too few to train and validate on (one in "
                            + settings.validationOneIn() + " is held out); no model published");
                }
                TrainerOutcome result = fitAndPublish();
                if (!versions.isEmpty()) {
                    commit(consumer);
                }
                return result;
            }
        }

        TrainerOutcome replay() throws InterruptedException {
            String topic = settings.topics().frames();
            try (Consumer<byte[], byte[]> consumer = clients.consumer(null, "vad-trainer-replay",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicRange.PartitionRange> ranges = settings.range().resolve(consumer, topic,
                        Duration.ofSeconds(30));
                if (RangeReader.total(ranges) == 0) {
                    return outcome("the range " + RangeReader.describe(ranges) + " of " + topic
                            + " holds no records; no model published");
                }
                LOG.info("replaying {} records of {}: {}", RangeReader.total(ranges), topic,
                        RangeReader.describe(ranges));
                RangeReader.read(consumer, topic, ranges, () -> stopping, records -> take(records, Long.MAX_VALUE));
                if (stopping) {
                    return outcome("stopped during the replay; no model published");
                }
                if (session == null || !session.ready()) {
                    return outcome(accepted + " windows are too few to train and validate on (one in "
                            + settings.validationOneIn() + " is held out); no model published");
                }
                ranges.stream().filter(r -> r.count() > 0)
                        .forEach(r -> lineage.cover(r.partition(), r.fromOffset(), r.toOffset()));
                return fitAndPublish();
            }
        }


        /** A finite fit of the collected windows, keeping the best validated state; publishes it unless stopped. */
        private TrainerOutcome fitAndPublish() throws InterruptedException {
            int total = settings.fit().steps();
            Optional<FiniteFit.Best> best = FiniteFit.run(session, total, settings.publishEverySteps(),
                    () -> stopping, new FiniteFit.Listener() {
                        @Override
                        public void stepped(double loss) {
                            Run.this.stepped(loss, total);
                        }

                        @Override
                        public void validated(TrainingSession.Evaluation evaluation) {
                            Run.this.validated(evaluation);
                        }
                    });
            if (best.isEmpty()) {
                return outcome("stopped during training at step " + session.steps() + "; no model published");
            }
            publish(Autoencoder.fromBytes(best.get().network()), best.get().fitted());
            return outcome(null);
        }

        private void step(int total) {
            stepped(session.step(), total);
        }

        private void stepped(double loss, int total) {
            if (startNanos == 0) {
                startNanos = System.nanoTime();
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            double samplesPerSecond = session.samples() / seconds;
            metrics.stepped(settings.fit().batchWindows(), loss, session.learningRate(), samplesPerSecond);
            progress.show(settings.modelName(), session.steps(), total, loss, lastValidation, samplesPerSecond,
                    session.steps() / seconds, false);
        }

        private void validated(TrainingSession.Evaluation evaluation) {
            lastValidation = evaluation.fitted().validationLoss();
            metrics.validated(lastValidation);
        }

        private void publish(Autoencoder network, ModelFitter.Fitted fitted) throws InterruptedException {
            ModelArtifact artifact = publisher.artifact(settings.modelName(), nextVersion, network, session.model(),
                    format, fitted, session, settings, lineage.ranges(), parent == null ? 0 : parent.header().version());
            publisher.publish(artifact);
            versions.add(nextVersion);
            metrics.published(nextVersion, clock.millis() / 1000);
            progress.finish();
            LOG.info("published {}@{}: validation loss {} after {} steps on {} windows", settings.modelName(),
                    nextVersion, String.format(Locale.ROOT, "%.6f", fitted.validationLoss()),
                    session.steps(), session.trainingWindows());
            nextVersion++;
        }

        private Consumer<byte[], byte[]> subscribe() {
            Consumer<byte[], byte[]> consumer = clients.consumer(settings.groupId(), "vad-trainer",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(settings.topics().frames()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(consumer);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    LOG.info("reading {}", partitions);
                }
            });
            return consumer;
        }

        /**
         * Decodes and routes records until {@code limit} windows are accepted in all; records after that stay
         * unconsumed (not committed), for whoever reads the partition next.
         */
        private void take(Iterable<ConsumerRecord<byte[], byte[]>> records, long limit) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (accepted >= limit) {
                    return;
                }
                consumed.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                FrameWindow window;
                try {
                    window = codec.decode(record.value() == null ? new byte[0] : record.value());
                } catch (WireFormatException e) {
                    reject(record, "decode", e.getMessage());
                    continue;
                }
                if (session == null) {
                    start(window);
                }
                String mismatch = mismatch(window);
                if (mismatch != null) {
                    reject(record, "shape_mismatch", mismatch);
                    continue;
                }
                session.accept(window);
                lineage.record(record.partition(), record.offset());
                accepted++;
                metrics.consumed(session.bufferFill());
            }
        }

        private void reject(ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
            rejected++;
            pendingLetters.add(deadLetters.send(record, record.key(), reason, detail));
        }

        /** A fresh model shaped by the first window. */
        private void start(FrameWindow first) {
            format = WindowFormat.of(first);
            WindowModel model = ModelFitter.create(first, settings.fit());
            begin(model, Lineage.fresh(settings.topics().frames()));
            LOG.info("training a new {} {}D model {} on windows of {} frames of {}x{} {}",
                    settings.fit().preset().id(), settings.dimensions(), settings.modelName(), first.frameCount(),
                    first.width(), first.height(), first.pixelFormat());
        }

        /** Continues the newest published version when it has this run's design; else starts fresh. */
        private void continueFrom(ModelArtifact artifact) {
            ModelHeader h = artifact.header();
            if (!h.architecture().equals(settings.fit().preset().id()) || h.dimensions() != settings.dimensions()) {
                LOG.info("newest version {}@{} is a {} {}D model; this run trains a new {} {}D model as version {}",
                        h.name(), h.version(), h.architecture(), h.dimensions(), settings.fit().preset().id(),
                        settings.dimensions(), nextVersion);
                return;
            }
            WindowModel model = WindowModels.fromArtifact(artifact);
            model.network().setLearningRate(settings.fit().learningRate());
            format = WindowFormat.of(h);
            begin(model, Lineage.continuing(settings.topics().frames(), h.trainedOn()));
            LOG.info("continuing {}@{} (trained on {})", h.name(), h.version(), h.trainedOn());
        }

        private void begin(WindowModel model, Lineage newLineage) {
            lineage = newLineage;
            session = new TrainingSession(model, settings.fit(), new ValidationSplit(settings.validationOneIn()),
                    settings.bufferWindows(), settings.validationWindows(), settings.patience());
        }

        private String mismatch(FrameWindow w) {
            return format.matches(w) ? null : "model " + settings.modelName() + " learns windows of " + format
                    + ", found " + WindowFormat.of(w);
        }

        /** Commits what was consumed, once every dead letter sent for it is acknowledged. */
        private void commit(Consumer<byte[], byte[]> consumer) {
            awaitLetters();
            if (consumed.isEmpty()) {
                return;
            }
            try {
                consumer.commitSync(Map.copyOf(consumed));
            } catch (CommitFailedException | RebalanceInProgressException e) {
                LOG.warn("could not commit offsets {} ({}); those windows will be read again", consumed,
                        e.getMessage());
            }
        }

        private void awaitLetters() {
            for (Future<RecordMetadata> letter : pendingLetters) {
                try {
                    letter.get(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending dead letters", e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("could not send a dead letter to "
                            + settings.topics().deadLetters() + ": " + e.getMessage(), e);
                }
            }
            pendingLetters.clear();
        }

        private void lag(Consumer<byte[], byte[]> consumer) {
            long lag = 0;
            for (TopicPartition tp : consumer.assignment()) {
                lag += consumer.currentLag(tp).orElse(0);
            }
            metrics.lag(lag);
        }

        private TrainerOutcome outcome(String note) {
            return new TrainerOutcome(settings.modelName(), List.copyOf(versions), accepted, rejected,
                    session == null ? 0 : session.steps(), note);
        }
    }
}
