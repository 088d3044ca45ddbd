package dev.vad.notifier;

import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.OffsetCommits;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.metrics.Health;
import dev.vad.common.service.ForegroundService;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier service: reads the events topic in a consumer group and hands every record to each sink in turn
 * ({@link Dispatcher}), one record at a time, so a stream's events arrive in order. A record's offset is committed
 * only when every sink has acknowledged it or its dead letter is acknowledged by Kafka. Runs on the caller's thread
 * until stopped; a stop during a retry's pause leaves that record uncommitted, to be delivered after a restart.
 */
public final class NotifierService implements ForegroundService<NotifierOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);
    private static final String SERVICE = "notifier";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    /** Records per poll: each may take a sink's whole retry schedule, so a poll stays short. */
    static final int MAX_POLL_RECORDS = 20;

    private final NotifierSettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final Clock clock;
    private final List<Sink> sinks;
    private final NotifierMetrics metrics;
    private final SinkHealth health = new SinkHealth();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private long records;
    private long deadLetters;

    /** @param sinks where events go, closed when the run ends */
    public NotifierService(NotifierSettings settings, List<Sink> sinks, KafkaClients clients, MeterRegistry registry,
                           Clock clock) {
        this.settings = settings;
        this.sinks = List.copyOf(sinks);
        this.clients = clients;
        this.registry = registry;
        this.clock = clock;
        this.metrics = new NotifierMetrics(registry);
        this.sinks.forEach(sink -> metrics.register(sink.name()));
    }

    /** The sinks the settings configure: the webhook, the MQTT broker, or both. */
    public static List<Sink> sinks(NotifierSettings settings) {
        List<Sink> sinks = new ArrayList<>();
        if (settings.webhook() != null) {
            sinks.add(new WebhookSink(settings.webhook(), WebhookSink.client(settings.webhook())));
        }
        if (settings.mqtt() != null) {
            sinks.add(new MqttSink(settings.mqtt()));
        }
        return sinks;
    }

    @Override
    public NotifierOutcome run() throws InterruptedException {
        try {
            try (Admin admin = clients.admin("vad-notifier-admin")) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.usedBy(
                        KafkaAccess.notifier(settings.topics(), settings.groupId()), settings.topics(),
                        settings.topicSettings()), settings.topicSettings().create());
            }
            try (Producer<String, DeadLetter> letters = clients.producer("vad-notifier-dlq", new StringSerializer(),
                    serdes.deadLetterSerializer());
                 Consumer<String, byte[]> consumer = clients.consumer(settings.groupId(), "vad-notifier",
                         new StringDeserializer(), new ByteArrayDeserializer(), consumerTuning())) {
                DeadLetters sender = new DeadLetters(letters, settings.topics().deadLetters(), SERVICE, 1 << 20,
                        registry, clock);
                Dispatcher dispatcher = new Dispatcher(JsonCodec.events(WireLimits.DEFAULT), sinks,
                        new Delivery(settings.retry(), delay -> !stop.await(delay.toMillis(), TimeUnit.MILLISECONDS),
                                clock, metrics, health));
                LOG.info("delivering {} to {}", settings.topics().events(), sinks);
                consumer.subscribe(List.of(settings.topics().events()));
                while (stop.getCount() > 0) {
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    consumer.poll(POLL).forEach(batch::add);
                    OffsetCommits.commit(consumer, handle(batch, dispatcher, sender),
                            "the new owner delivers those events again");
                }
            }
            return new NotifierOutcome(records, deadLetters);
        } finally {
            sinks.forEach(Sink::close);
            finished.countDown();
        }
    }

    /**
     * Unhealthy while a sink's last event was given up on (its retries ran out, or it refused the event), with the
     * sink and what happened; healthy again once it delivers.
     */
    @Override
    public Health health() {
        return health.health();
    }

    /** Asks {@link #run()} to stop (a retry's pause ends at once) and waits for it. */
    @Override
    public void close() {
        stop.countDown();
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers a poll's records in order; returns the offsets of those done with, up to a stop. */
    private Map<TopicPartition, OffsetAndMetadata> handle(List<ConsumerRecord<String, byte[]>> batch,
                                                          Dispatcher dispatcher, DeadLetters sender)
            throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (stop.getCount() == 0) {
                break;
            }
            metrics.consumed();
            String deliveryId = record.topic() + "-" + record.partition() + "-" + record.offset();
            Dispatcher.Verdict verdict = dispatcher.dispatch(record.value(), deliveryId);
            if (!verdict.done()) {
                break;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            for (Dispatcher.DeadLetterReason letter : verdict.letters()) {
                sent.add(sender.send(record, key, letter.reason(), letter.detail()));
            }
            awaitAcks(sent);
            deadLetters += sent.size();
            records++;
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        return done;
    }

    private static void awaitAcks(List<Future<RecordMetadata>> sent) throws InterruptedException {
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge a dead letter ("
                        + (e.getCause() == null ? e : e.getCause()).getMessage() + "); its event is not committed,"
                        + " so it is delivered again after a restart", e);
            }
        }
    }

    /**
     * Small polls, and a poll interval long enough for each of their records to take every sink's whole retry
     * schedule: the group must not think a notifier waiting out a receiver's outage is dead.
     */
    private Map<String, Object> consumerTuning() {
        long worstCase = settings.worstCasePerEvent().toMillis() * MAX_POLL_RECORDS + 60_000;
        return Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                        Math.max(300_000, worstCase)));
    }
}
