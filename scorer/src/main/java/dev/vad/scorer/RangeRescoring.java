package dev.vad.scorer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.kafka.RangeReader;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-scoring mode ({@code replay --rescore}): scores a resolved range of the frames topic with one fixed
 * version, outside any group, into the suffixed output topics. Commits nothing.
 */
final class RangeRescoring {

    private static final Logger LOG = LoggerFactory.getLogger(RangeRescoring.class);

    private final ScorerSettings settings;
    private final ModelSlot model;
    private final BatchScoring scoring;
    private final BooleanSupplier stop;

    RangeRescoring(ScorerSettings settings, ModelSlot model, BatchScoring scoring, BooleanSupplier stop) {
        this.settings = settings;
        this.model = model;
        this.scoring = scoring;
        this.stop = stop;
    }

    /**
     * Re-scores the range.
     *
     * @return a note when stopped before its end, else null
     * @throws IllegalStateException when the version is neither on the models topic nor in the model directory
     */
    String score(KafkaClients clients, ModelFeed feed, ModelDirectory directory, ConsumerLoop<FrameWindow> loop)
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
        model.offer(artifact.get());
        String topic = settings.topics().frames();
        try (Consumer<String, byte[]> consumer = clients.consumer(null, "vad-scorer-rescore",
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicRange.PartitionRange> ranges = settings.range().resolve(consumer, topic, Duration.ofSeconds(30));
            LOG.info("re-scoring {} records of {} ({}) with {} into {}", RangeReader.total(ranges), topic,
                    RangeReader.describe(ranges), model.active(), settings.outputTopics().scores());
            boolean complete = loop.readRange(consumer, topic, ranges, stop, scoring);
            return complete ? null : "stopped before the end of the range";
        }
    }
}
