package dev.vad.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/** Record keys chosen by the partition Kafka's default partitioner sends them to. */
public final class PartitionedKeys {

    private PartitionedKeys() {
    }

    /** The partition the default partitioner picks for a String key on a topic of {@code partitions}. */
    public static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Keys {@code prefix-N}, one landing in each of {@code partitions} partitions, in partition order. */
    public static List<String> onePerPartition(String prefix, int partitions) {
        String[] keys = new String[partitions];
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < partitions; i++) {
            String key = prefix + "-" + i;
            int partition = partition(key, partitions);
            if (covered.add(partition)) {
                keys[partition] = key;
            }
        }
        return new ArrayList<>(List.of(keys));
    }
}
