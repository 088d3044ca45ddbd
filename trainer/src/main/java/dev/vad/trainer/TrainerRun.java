package dev.vad.trainer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.core.train.ArtifactBuilder;
import dev.vad.core.train.FiniteFit;
import dev.vad.core.train.TrainingSession;
import dev.vad.model.Autoencoder;
import dev.vad.model.fit.ModelFitter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every mode of a {@link TrainerService} run shares: the consumer loop and the {@link SessionFeed} it feeds,
 * the versions the run publishes (numbered on from the newest published one), its progress line and metrics. The
 * modes ({@link ContinualTraining}, {@link FitThenFreeze}, {@link ReplayTraining}) decide when to train and
 * publish. Runs on the service's thread; {@code stop} tells it the service was asked to stop.
 */
final class TrainerRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerRun.class);

    private final TrainerSettings settings;
    private final KafkaClients clients;
    private final TrainerMetrics metrics;
    private final ProgressLine progress;
    private final Clock clock;
    private final ModelPublisher publisher;
    private final ConsumerLoop<FrameWindow> loop;
    private final SessionFeed feed;
    private final ModelArtifact parent;
    private final BooleanSupplier stop;
    private final List<Long> versions = new ArrayList<>();
    private long nextVersion;
    private double lastValidation = Double.NaN;
    private long startNanos;

    /** @param parent the newest published version of the model, which new versions number on from */
    TrainerRun(TrainerSettings settings, KafkaClients clients, TrainerMetrics metrics, ProgressLine progress,
               Clock clock, ModelPublisher publisher, ConsumerLoop<FrameWindow> loop, Optional<ModelArtifact> parent,
               BooleanSupplier stop) {
        this.settings = settings;
        this.clients = clients;
        this.metrics = metrics;
        this.progress = progress;
        this.clock = clock;
        this.publisher = publisher;
        this.loop = loop;
        this.feed = new SessionFeed(settings, metrics, loop);
        this.parent = parent.orElse(null);
        this.stop = stop;
        this.nextVersion = parent.map(p -> p.header().version() + 1).orElse(1L);
    }

    TrainerSettings settings() {
        return settings;
    }

    KafkaClients clients() {
        return clients;
    }

    ConsumerLoop<FrameWindow> loop() {
        return loop;
    }

    SessionFeed feed() {
        return feed;
    }

    /** The newest published version, if any. */
    Optional<ModelArtifact> parent() {
        return Optional.ofNullable(parent);
    }

    /** The version this run publishes next. */
    long nextVersion() {
        return nextVersion;
    }

    boolean stopping() {
        return stop.getAsBoolean();
    }

    /**
     * A consumer in the trainer's group, subscribed to the frames topic; it commits what was read when a rebalance
     * takes its partitions away.
     */
    Consumer<byte[], byte[]> subscribe() {
        Consumer<byte[], byte[]> consumer = clients.consumer(settings.groupId(), "vad-trainer",
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(settings.topics().frames()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                try {
                    loop.commit(consumer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending dead letters", e);
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                LOG.info("reading {}", partitions);
            }
        });
        return consumer;
    }

    /** The outcome when the session holds too few windows to train and validate on. */
    TrainerOutcome tooFew() {
        return outcome(feed.accepted() + " windows are too few to train and validate on (one in "
                + settings.training().validationOneIn() + " is held out); no model published");
    }

    /** A finite fit of the collected windows, keeping the best validated state; publishes it unless stopped. */
    TrainerOutcome fitAndPublish() throws InterruptedException {
        int total = settings.fit().steps();
        startClock();
        TrainingSession session = feed.session();
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

    /** One training step of an open-ended run. */
    void step() {
        startClock();
        stepped(feed.session().step(), 0);
    }

    void validated(TrainingSession.Evaluation evaluation) {
        lastValidation = evaluation.fitted().validationLoss();
        metrics.validated(lastValidation);
    }

    void publish(Autoencoder network, ModelFitter.Fitted fitted) throws InterruptedException {
        TrainingSession session = feed.session();
        ModelArtifact artifact = new ArtifactBuilder(session, feed.format())
                .named(settings.modelName(), nextVersion, settings.mode().id())
                .continuing(parent == null ? 0 : parent.header().version())
                .trainedOn(feed.lineage().ranges())
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

    TrainerOutcome outcome(String note) {
        return new TrainerOutcome(settings.modelName(), List.copyOf(versions), feed.accepted(), loop.deadLettered(),
                feed.session() == null ? 0 : feed.session().steps(), note);
    }

    /** Starts the clock of the training rate before the first step, so that the first step counts its own time. */
    private void startClock() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
    }

    private void stepped(double loss, int total) {
        TrainingSession session = feed.session();
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double samplesPerSecond = session.samples() / seconds;
        metrics.stepped(settings.fit().batchWindows(), loss, session.learningRate(), samplesPerSecond);
        progress.show(settings.modelName(), session.steps(), total, loss, lastValidation, samplesPerSecond,
                session.steps() / seconds, false);
    }
}
