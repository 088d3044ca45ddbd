package dev.vad.common.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** A compacted topic read whole, outside any consumer group: every partition from its start, then to its end. */
final class WholeTopic {

    private WholeTopic() {
    }

    /**
     * Assigns every partition of {@code topic} to {@code consumer}, at its start.
     *
     * @return false, assigning nothing, when the topic does not exist
     */
    static boolean assignFromStart(Consumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return true;
    }

    /**
     * Runs {@code pollOnce} until the consumer has read every assigned partition to the end it had when called.
     *
     * @param what names the topic in the error ({@code models topic vad.models})
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    static void readToEnd(Consumer<?, ?> consumer, Duration timeout, String what, Runnable pollOnce) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + what + " to its end within " + timeout);
            }
            pollOnce.run();
        }
    }
}
