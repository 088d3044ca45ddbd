package dev.vad.trainer;

import dev.vad.common.kafka.RangeReader;
import dev.vad.common.kafka.TopicRange;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay mode: reads a resolved range of the frames topic outside any group, fits it and publishes one
 * version whose lineage is that range. Commits nothing: the live services' offsets are untouched.
 */
final class ReplayTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayTraining.class);

    private final TrainerRun run;

    ReplayTraining(TrainerRun run) {
        this.run = run;
    }

    TrainerOutcome train() throws InterruptedException {
        TrainerSettings settings = run.settings();
        String topic = settings.topics().frames();
        try (Consumer<byte[], byte[]> consumer = run.clients().consumer(null, "vad-trainer-replay",
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicRange.PartitionRange> ranges = settings.range().resolve(consumer, topic,
                    Duration.ofSeconds(30));
            if (RangeReader.total(ranges) == 0) {
                return run.outcome("the range " + RangeReader.describe(ranges) + " of " + topic
                        + " holds no records; no model published");
            }
            LOG.info("replaying {} records of {}: {}", RangeReader.total(ranges), topic,
                    RangeReader.describe(ranges));
            run.loop().readRange(consumer, topic, ranges, run::stopping, run.feed());
            if (run.stopping()) {
                return run.outcome("stopped during the replay; no model published");
            }
            if (!run.feed().ready()) {
                return run.tooFew();
            }
            ranges.stream().filter(r -> r.count() > 0)
                    .forEach(r -> run.feed().lineage().cover(r.partition(), r.fromOffset(), r.toOffset()));
            return run.fitAndPublish();
        }
    }
}
