package dev.vad.common.kafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a group member's offsets synchronously. A commit refused because a rebalance took the partitions away
 * meanwhile is logged, not thrown: their new owner reads those records again (at least once).
 */
public final class OffsetCommits {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

    private OffsetCommits() {
    }

    /**
     * Commits {@code offsets} (nothing when empty); false when a rebalance refused them.
     *
     * @param consequence what becomes of those records then, for the log ({@code the new owner scores those windows
     *                    again})
     */
    public static boolean commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets,
                                 String consequence) {
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets);
            return true;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.warn("could not commit {} after a rebalance ({}); {}", offsets, e.getMessage(), consequence);
            return false;
        }
    }
}
