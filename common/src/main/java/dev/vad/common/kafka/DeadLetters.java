package dev.vad.common.kafka;

import dev.vad.common.metrics.VadMetric;
import dev.vad.common.wire.DeadLetter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records a service cannot process to the dead-letter topic with the reason, counts them by reason
 * ({@link VadMetric#DLQ_RECORDS}), and logs the first of each reason once (a flood of bad records stays one log line).
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, DeadLetter> producer;
    private final String topic;
    private final String service;
    private final int maxValueBytes;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /**
     * @param maxValueBytes the longest original value kept; longer ones keep their first bytes and their size
     */
    public DeadLetters(Producer<String, DeadLetter> producer, String topic, String service, int maxValueBytes,
                       MeterRegistry registry, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.service = service;
        this.maxValueBytes = maxValueBytes;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Sends {@code record} with a stable {@code reason} code and the error's detail; the returned future completes
     * when Kafka acknowledges it (commit the record's offset only after that).
     */
    public Future<RecordMetadata> send(ConsumerRecord<?, byte[]> record, byte[] key, String reason, String detail) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        byte[] kept = value.length > maxValueBytes ? Arrays.copyOf(value, maxValueBytes) : value;
        DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                key, kept, value.length, reason, detail, service, clock.millis() * 1000);
        counter(reason).increment();
        if (logged.add(reason)) {
            LOG.warn("sending {}-{}@{} to {}: {} ({}); further records for this reason are only counted",
                    record.topic(), record.partition(), record.offset(), topic, reason, detail);
        }
        return producer.send(new ProducerRecord<>(topic, record.key() instanceof String s ? s : null, letter));
    }

    /**
     * Sends {@code record} with the bytes of its own key: a {@code byte[]} key as it is, a {@code String} key in
     * UTF-8, any other key as none.
     */
    public Future<RecordMetadata> send(ConsumerRecord<?, byte[]> record, String reason, String detail) {
        byte[] key = record.key() instanceof byte[] bytes ? bytes
                : record.key() instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        return send(record, key, reason, detail);
    }

    /** Records sent for {@code reason} so far. */
    public double count(String reason) {
        return counter(reason).count();
    }

    private Counter counter(String reason) {
        return VadMetric.DLQ_RECORDS.counter().tag("service", service).tag("reason", reason)
                .register(registry);
    }
}
