package dev.vad.common.kafka;

import dev.vad.common.config.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Builds the pipeline's Kafka clients with its delivery guarantees (idempotent producers with {@code acks=all},
 * consumers that commit only by hand) and binds each to the service's meter registry. Client settings the user
 * passes through override these defaults. Closing this factory stops the metric binders of its clients.
 */
public final class KafkaClients implements AutoCloseable {

    private final KafkaSettings settings;
    private final MeterRegistry registry;
    private final int maxMessageBytes;
    private final List<KafkaClientMetrics> binders = new CopyOnWriteArrayList<>();

    /**
     * @param maxMessageBytes largest record the clients must carry (a producer request, a fetch per partition)
     */
    public KafkaClients(KafkaSettings settings, MeterRegistry registry, int maxMessageBytes) {
        if (settings.bootstrapServers() == null) {
            throw new IllegalArgumentException("Kafka clients need bootstrap servers, found none");
        }
        this.settings = settings;
        this.registry = registry;
        this.maxMessageBytes = maxMessageBytes;
    }

    public <K, V> Producer<K, V> producer(String clientId, Serializer<K> keys, Serializer<V> values) {
        return producer(clientId, keys, values, Map.of());
    }

    /**
     * A producer whose defaults are adjusted by {@code tuning} (e.g. a longer {@code linger.ms} for bulk replay);
     * the user's client settings still win.
     */
    public <K, V> Producer<K, V> producer(String clientId, Serializer<K> keys, Serializer<V> values,
                                          Map<String, Object> tuning) {
        KafkaProducer<K, V> producer = new KafkaProducer<>(producerConfig(clientId, tuning), keys, values);
        bind(new KafkaClientMetrics(producer));
        return producer;
    }

    /** The settings of producers built here: the pipeline's defaults, then {@code tuning}, then the user's. */
    Map<String, Object> producerConfig(String clientId, Map<String, Object> tuning) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20);
        config.putAll(tuning);
        config.putAll(common());
        return config;
    }

    /**
     * A consumer in group {@code groupId}, or outside any group when it is null (assigned partitions, no
     * commits).
     */
    public <K, V> Consumer<K, V> consumer(String groupId, String clientId, Deserializer<K> keys,
                                          Deserializer<V> values) {
        return consumer(groupId, clientId, keys, values, Map.of());
    }

    /**
     * A consumer whose defaults are adjusted by {@code tuning} (e.g. a smaller {@code max.poll.records} for slow
     * processing of each record); the user's client settings still win.
     */
    public <K, V> Consumer<K, V> consumer(String groupId, String clientId, Deserializer<K> keys,
                                          Deserializer<V> values, Map<String, Object> tuning) {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(groupId, clientId, tuning), keys, values);
        bind(new KafkaClientMetrics(consumer));
        return consumer;
    }

    /**
     * The settings of consumers built here: manual commits, from the earliest offset, then {@code tuning}, then
     * the user's.
     */
    Map<String, Object> consumerConfig(String groupId, String clientId, Map<String, Object> tuning) {
        Map<String, Object> config = new HashMap<>();
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A member that dies is replaced after 10 s rather than the default 45 s: a restarted or surviving
        // service takes the stream over quickly.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxMessageBytes);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(maxMessageBytes, 64 << 20));
        config.putAll(tuning);
        config.putAll(common());
        return config;
    }

    public Admin admin(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(common());
        AdminClient admin = AdminClient.create(config);
        bind(new KafkaClientMetrics(admin));
        return admin;
    }

    /** Stops the metric binders of every client built here; the clients themselves are closed by their owners. */
    @Override
    public void close() {
        binders.forEach(KafkaClientMetrics::close);
        binders.clear();
    }

    private void bind(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        binders.add(metrics);
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }
}
