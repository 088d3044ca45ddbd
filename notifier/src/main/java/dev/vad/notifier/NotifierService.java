package dev.vad.notifier;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.kafka.DeadLetters;
import dev.vad.common.kafka.KafkaClients;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
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
                // Records go on as read: the dispatcher decodes them, since the sinks get their own bytes too.
                ConsumerLoop<byte[]> loop = new ConsumerLoop<>(value -> value, sender, SERVICE,
                        "those events are delivered again", null);
                Dispatching dispatching = new Dispatching(dispatcher, loop, metrics, () -> stop.getCount() == 0);
                LOG.info("delivering {} to {}", settings.topics().events(), sinks);
                consumer.subscribe(List.of(settings.topics().events()));
                loop.run(consumer, () -> stop.getCount() == 0, dispatching);
                return new NotifierOutcome(dispatching.records(), loop.deadLettered());
            }
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
