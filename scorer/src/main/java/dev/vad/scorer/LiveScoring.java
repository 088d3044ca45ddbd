package dev.vad.scorer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live mode: waits for a first version of the model (or, with {@code --without-model skip}, passes windows
 * over until one comes), then scores the frames topic in the scorer's group, swapping in newer versions and
 * following the camera registry between polls. Each poll is committed once everything it produced is acknowledged.
 */
final class LiveScoring implements ConsumerLoop.Mode<FrameWindow> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveScoring.class);

    private final ScorerSettings settings;
    private final ScorerMetrics metrics;
    private final ModelFeed feed;
    private final ModelSlot model;
    private final BatchScoring scoring;
    private final Runnable followCameras;
    private final BooleanSupplier stop;

    /** @param followCameras applies changes of the camera registry, between polls */
    LiveScoring(ScorerSettings settings, ScorerMetrics metrics, ModelFeed feed, ModelSlot model, BatchScoring scoring,
                Runnable followCameras, BooleanSupplier stop) {
        this.settings = settings;
        this.metrics = metrics;
        this.feed = feed;
        this.model = model;
        this.scoring = scoring;
        this.followCameras = followCameras;
        this.stop = stop;
    }

    /**
     * Scores until stopped.
     *
     * @return a note when stopped before a first model came, else null
     */
    String score(KafkaClients clients, ModelDirectory directory, ConsumerLoop<FrameWindow> loop)
            throws InterruptedException {
        if (!awaitFirstModel(directory)) {
            return "stopped before a model of " + settings.modelName() + " was published";
        }
        // One batch per poll: a poll's windows are all scored before the loop looks at `stopping` and commits.
        // With Kafka's default of 500 records, a backlog (the windows that waited for the first model) took
        // minutes per poll on a small machine while the trainer shared its cores: longer than the compose file's
        // stop grace period after SIGTERM, and at worst than max.poll.interval.ms, after which the commit fails
        // and the same windows are scored again (figures: docs/performance, 2026-12-03-engine-figures).
        try (Consumer<String, byte[]> consumer = clients.consumer(settings.groupId(), "vad-scorer",
                new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.scoring().maxBatchWindows()))) {
            consumer.subscribe(List.of(settings.topics().frames()));
            loop.run(consumer, stop, this);
        }
        return null;
    }

    /** Swaps in any newer version that arrived, and follows the camera registry. */
    @Override
    public Duration beforePoll() {
        followCameras.run();
        for (ModelArtifact artifact : feed.poll(Duration.ZERO)) {
            if (artifact.key().equals(settings.modelName())) {
                model.offer(artifact);
            }
        }
        return ConsumerLoop.POLL;
    }

    /** Without a model yet ({@code --without-model skip}) a poll's windows are counted and passed over. */
    @Override
    public boolean takes(int records) {
        if (model.active() == null) {
            metrics.skipped(records);
            return false;
        }
        return true;
    }

    @Override
    public boolean take(ConsumerRecord<?, byte[]> record, FrameWindow window) {
        return scoring.take(record, window);
    }

    /**
     * Commits each poll with records. After a rebalance took the partitions away meanwhile, their new owner scores
     * those windows again (at least once: duplicates carry the same stream and sequence).
     */
    @Override
    public boolean polled(boolean hadRecords) {
        return scoring.polled(hadRecords);
    }

    /** Waits for the first version of the model on the topic (or in the directory); false when stopped first. */
    private boolean awaitFirstModel(ModelDirectory directory) {
        Optional<ModelArtifact> newest = Optional.ofNullable(feed.catchUp(Duration.ofSeconds(60))
                .get(settings.modelName()));
        Optional<ModelArtifact> inDirectory = directory == null ? Optional.empty()
                : directory.newest(settings.modelName());
        if (inDirectory.isPresent() && (newest.isEmpty()
                || inDirectory.get().header().version() > newest.get().header().version())) {
            newest = inDirectory;
        }
        if (newest.isPresent() && model.offer(newest.get())) {
            return true;
        }
        if (settings.skipWithoutModel()) {
            LOG.info("no model {} yet on {}: windows are passed over until one arrives", settings.modelName(),
                    settings.topics().models());
            return true;
        }
        LOG.info("waiting for model {} on {}", settings.modelName(), settings.topics().models());
        while (!stop.getAsBoolean()) {
            for (ModelArtifact artifact : feed.poll(Duration.ofMillis(500))) {
                if (artifact.key().equals(settings.modelName()) && model.offer(artifact)) {
                    return true;
                }
            }
        }
        return false;
    }
}
