package dev.vad.trainer;

import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.RangeReader;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import dev.vad.core.train.ArtifactBuilder;
import dev.vad.core.train.FiniteFit;
import dev.vad.core.train.TrainingSession;
import dev.vad.core.train.WindowFormat;
import dev.vad.model.Autoencoder;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.fit.WindowModels;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the {@link TrainerService} in its mode: the consumer, the training session, the versions it publishes
 * and what it has consumed. Runs on the service's thread; {@code stop} tells it the service was asked to stop.
 */
final class TrainerRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerRun.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final TrainerSettings settings;
    private final KafkaClients clients;
    private final TrainerMetrics metrics;
    private final ProgressLine progress;
    private final Clock clock;
    private final ModelPublisher publisher;
    private final ConsumedOffsets offsets;
    private final ModelArtifact parent;
    private final BooleanSupplier stop;
    private final FrameWindowCodec codec = new FrameWindowCodec(WireLimits.DEFAULT);
    private final List<Long> versions = new ArrayList<>();
    private long nextVersion;
    private Lineage lineage;
    private TrainingSession session;
    private WindowFormat format;
    private double lastValidation = Double.NaN;
    private double publishedLoss = Double.POSITIVE_INFINITY;
    private long accepted;
    private long startNanos;

    /** @param parent the newest published version of the model, which new versions number on from */
    TrainerRun(TrainerSettings settings, KafkaClients clients, TrainerMetrics metrics, ProgressLine progress,
               Clock clock, ModelPublisher publisher, ConsumedOffsets offsets, Optional<ModelArtifact> parent,
               BooleanSupplier stop) {
        this.settings = settings;
        this.clients = clients;
        this.metrics = metrics;
        this.progress = progress;
        this.clock = clock;
        this.publisher = publisher;
        this.offsets = offsets;
        this.parent = parent.orElse(null);
        this.stop = stop;
        this.nextVersion = parent.map(p -> p.header().version() + 1).orElse(1L);
    }

    TrainerOutcome continual() throws InterruptedException {
        try (Consumer<byte[], byte[]> consumer = subscribe()) {
            if (parent != null) {
                continueFrom(parent);
            }
            int sinceValidation = 0;
            long lastValidation = System.nanoTime();
            while (!stopping()) {
                take(consumer.poll(session != null && session.ready() ? Duration.ZERO : POLL), Long.MAX_VALUE);
                if (session == null || !session.ready()) {
                    continue;
                }
                step(0);
                sinceValidation++;
                boolean due = sinceValidation >= settings.publishEverySteps()
                        || System.nanoTime() - lastValidation >= settings.publishEvery().toNanos();
                if (due && !stopping()) {
                    TrainingSession.Evaluation evaluation = session.evaluate();
                    validated(evaluation);
                    double loss = evaluation.fitted().validationLoss();
                    if (loss < publishedLoss * (1 - settings.minImprovement())) {
                        publish(session.model().network(), evaluation.fitted());
                        publishedLoss = loss;
                        offsets.commit(consumer);
                    }
                    sinceValidation = 0;
                    lastValidation = System.nanoTime();
                    lag(consumer);
                }
            }
            offsets.commit(consumer);
        }
        return outcome(null);
    }

    TrainerOutcome freeze() throws InterruptedException {
        try (Consumer<byte[], byte[]> consumer = subscribe()) {
            long firstNanos = 0;
            long lastWindowNanos = 0;
            LOG.info("collecting {} windows from {} (group {}) for {}", settings.trainWindows(),
                    settings.topics().frames(), settings.groupId(), settings.modelName());
            while (!stopping() && accepted < settings.trainWindows()) {
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
            if (stopping()) {
                return outcome("stopped while collecting; no model published");
            }
            if (session == null || !session.ready()) {
                return outcome(accepted + " windows are too few to train and validate on (one in "
                        + settings.training().validationOneIn() + " is held out); no model published");
            }
            TrainerOutcome result = fitAndPublish();
            if (!versions.isEmpty()) {
                offsets.commit(consumer);
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
            RangeReader.read(consumer, topic, ranges, this::stopping, records -> take(records, Long.MAX_VALUE));
            if (stopping()) {
                return outcome("stopped during the replay; no model published");
            }
            if (session == null || !session.ready()) {
                return outcome(accepted + " windows are too few to train and validate on (one in "
                        + settings.training().validationOneIn() + " is held out); no model published");
            }
            ranges.stream().filter(r -> r.count() > 0)
                    .forEach(r -> lineage.cover(r.partition(), r.fromOffset(), r.toOffset()));
            return fitAndPublish();
        }
    }

    /** A finite fit of the collected windows, keeping the best validated state; publishes it unless stopped. */
    private TrainerOutcome fitAndPublish() throws InterruptedException {
        int total = settings.fit().steps();
        startClock();
        Optional<FiniteFit.Best> best = FiniteFit.run(session, total, settings.publishEverySteps(),
                this::stopping, new FiniteFit.Listener() {
                    @Override
                    public void stepped(double loss) {
                        TrainerRun.this.stepped(loss, total);
                    }

                    @Override
                    public void validated(TrainingSession.Evaluation evaluation) {
                        TrainerRun.this.validated(evaluation);
                    }
                });
        if (best.isEmpty()) {
            return outcome("stopped during training at step " + session.steps() + "; no model published");
        }
        publish(Autoencoder.fromBytes(best.get().network()), best.get().fitted());
        return outcome(null);
    }

    private void step(int total) {
        startClock();
        stepped(session.step(), total);
    }

    /** Starts the clock of the training rate before the first step, so that the first step counts its own time. */
    private void startClock() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
    }

    private void stepped(double loss, int total) {
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
        ModelArtifact artifact = new ArtifactBuilder(session, format)
                .named(settings.modelName(), nextVersion, settings.mode().id())
                .continuing(parent == null ? 0 : parent.header().version())
                .trainedOn(lineage.ranges())
                .build(network, fitted, clock.millis() * 1000);
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
                offsets.commit(consumer);
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
            offsets.read(record);
            FrameWindow window;
            try {
                window = codec.decode(record.value() == null ? new byte[0] : record.value());
            } catch (WireFormatException e) {
                offsets.deadLetter(record, "decode", e.getMessage());
                continue;
            }
            if (session == null) {
                start(window);
            }
            String mismatch = mismatch(window);
            if (mismatch != null) {
                offsets.deadLetter(record, "shape_mismatch", mismatch);
                continue;
            }
            session.accept(window);
            lineage.record(record.partition(), record.offset());
            accepted++;
            metrics.consumed(session.bufferFill());
        }
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
        session = new TrainingSession(model, settings.training());
    }

    private String mismatch(FrameWindow w) {
        return format.matches(w) ? null : "model " + settings.modelName() + " learns windows of " + format
                + ", found " + WindowFormat.of(w);
    }

    private void lag(Consumer<byte[], byte[]> consumer) {
        long lag = 0;
        for (TopicPartition tp : consumer.assignment()) {
            lag += consumer.currentLag(tp).orElse(0);
        }
        metrics.lag(lag);
    }

    private boolean stopping() {
        return stop.getAsBoolean();
    }

    private TrainerOutcome outcome(String note) {
        return new TrainerOutcome(settings.modelName(), List.copyOf(versions), accepted, offsets.deadLettered(),
                session == null ? 0 : session.steps(), note);
    }
}
