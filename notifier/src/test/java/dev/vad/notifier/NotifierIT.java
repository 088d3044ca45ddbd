package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.AnomalyEvent.Phase;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.DeadLetterCodec;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.testkit.HttpReceiver;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.LoopbackPorts;
import dev.vad.testkit.Mosquitto;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifier between a real broker, a real MQTT broker (mosquitto) and an HTTP receiver on loopback. */
@ExtendWith(RealKafka.class)
class NotifierIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SECRET = "it-hook-s3cret";

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JsonCodec<AnomalyEvent> codec = JsonCodec.events(WireLimits.DEFAULT);
    private final String prefix = UniqueNames.of("notify");
    private final List<NotifierService> running = new ArrayList<>();
    private KafkaBackend kafka;
    private KafkaClients clients;
    private Producer<String, byte[]> producer;
    private Admin admin;

    @BeforeEach
    void connect(KafkaBackend kafka) {
        assumeThat(Mosquitto.unavailableReason()).as("mosquitto is the MQTT broker; ./run-tests installs it")
                .isEmpty();
        this.kafka = kafka;
        this.clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()), registry, 1 << 20);
        this.producer = clients.producer("it-events", new StringSerializer(), new ByteArraySerializer());
        this.admin = clients.admin("it-admin");
    }

    @AfterEach
    void stop() {
        running.forEach(NotifierService::close);
        executor.shutdownNow();
        producer.close();
        admin.close();
        clients.close();
    }

    @Test
    void deliversEachEpisodeRecordOnceToMqttAndAsASignedPostThenCommits() throws Exception {
        try (Mosquitto mqtt = Mosquitto.withUser("vad", "mq-pa55").start();
             MqttInbox inbox = new MqttInbox(mqtt.uri(), prefix + "/#", "vad", "mq-pa55");
             HttpReceiver hook = HttpReceiver.start()) {
            List<AnomalyEvent> episode = List.of(Events.of("e1", Phase.START, "gate/1", 103),
                    Events.of("e1", Phase.UPDATE, "gate/1", 128), Events.of("e1", Phase.END, "gate/1", 141));
            AnomalyEvent lobby = Events.of("e2", Phase.START, "lobby", 110);
            episode.forEach(this::produce);
            produce("gate/1", "not an event".getBytes());
            produce(lobby);

            start(Map.of("webhook-url", hook.url("/vad/events"), "mqtt-uri", mqtt.uri(), "mqtt-user", "vad",
                    "mqtt-topic-prefix", prefix), Map.of("VAD_WEBHOOK_SECRET", SECRET, "VAD_MQTT_PASSWORD", "mq-pa55"));
            await().atMost(PATIENCE).until(() -> committed() == 5);

            WebhookSignature signature = new WebhookSignature(SECRET);
            assertThat(hook.requests()).hasSize(4).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/vad/events");
                assertThat(signature.verify(request.body(), request.header("X-Vad-Signature"))).isTrue();
            });
            assertThat(hook.requests()).extracting(r -> codec.decode(r.body()))
                    .containsExactlyInAnyOrder(episode.get(0), episode.get(1), episode.get(2), lobby);
            assertThat(hook.requests()).filteredOn(r -> r.header("X-Vad-Event-Id").equals("e1"))
                    .extracting(r -> codec.decode(r.body())).as("in order").containsExactlyElementsOf(episode);
            await().atMost(PATIENCE).during(Duration.ofMillis(500)).until(() -> inbox.messages().size() == 4);
            assertThat(inbox.messages()).filteredOn(m -> m.topic().equals(prefix + "/gate%2F1/events"))
                    .extracting(m -> codec.decode(m.payload())).containsExactlyElementsOf(episode);
            assertThat(inbox.messages()).filteredOn(m -> m.topic().equals(prefix + "/lobby/events"))
                    .extracting(m -> codec.decode(m.payload())).containsExactly(lobby);
            assertThat(inbox.messages()).allSatisfy(m -> assertThat(m.qos()).isEqualTo(1));
            assertThat(deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo("decode");
                assertThat(letter.service()).isEqualTo("notifier");
                assertThat(new String(letter.value())).isEqualTo("not an event");
            });
            assertThat(count(NotifierMetrics.DELIVERED, "webhook")).isEqualTo(4);
            assertThat(count(NotifierMetrics.DELIVERED, "mqtt")).isEqualTo(4);
            assertThat(count(NotifierMetrics.ATTEMPTS_FAILED, "mqtt")).isZero();
        }
    }

    @Test
    void aWebhookThatStaysDownIsRetriedThenDeadLetteredAndTheOffsetCommitted() throws Exception {
        AnomalyEvent event = Events.of("e1", Phase.START, "gate", 103);
        produce(event);

        start(Map.of("webhook-url", "http://127.0.0.1:" + LoopbackPorts.free() + "/hook", "delivery-attempts", "3",
                "retry-delay", "50ms"), Map.of("VAD_WEBHOOK_SECRET", SECRET));
        await().atMost(PATIENCE).until(() -> committed() == 1);

        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("webhook_undeliverable");
            assertThat(letter.detail()).startsWith("not delivered after 3 attempts; the last: cannot reach http://");
            assertThat(letter.sourceTopic()).isEqualTo(prefix + ".events");
            assertThat(letter.sourceOffset()).isZero();
            assertThat(codec.decode(letter.value())).isEqualTo(event);
        });
        assertThat(count(NotifierMetrics.ATTEMPTS_FAILED, "webhook")).isEqualTo(3);
        assertThat(count(NotifierMetrics.RETRIES, "webhook")).isEqualTo(2);
        assertThat(count(NotifierMetrics.DEAD_LETTERED, "webhook")).isEqualTo(1);
        assertThat(count(NotifierMetrics.DELIVERED, "webhook")).isZero();
    }

    @Test
    void aWebhookThatComesBackInTimeGetsTheEventAndNothingIsDeadLettered() throws Exception {
        int port = LoopbackPorts.free();
        AnomalyEvent event = Events.of("e1", Phase.START, "gate", 103);
        produce(event);

        start(Map.of("webhook-url", "http://127.0.0.1:" + port + "/hook", "delivery-attempts", "10",
                "retry-delay", "100ms", "retry-max-delay", "400ms"), Map.of("VAD_WEBHOOK_SECRET", SECRET));
        await().atMost(PATIENCE).until(() -> count(NotifierMetrics.ATTEMPTS_FAILED, "webhook") >= 2);
        assertThat(committed()).as("nothing committed while the receiver is down").isZero();
        try (HttpReceiver hook = HttpReceiver.startOn(port)) {
            await().atMost(PATIENCE).until(() -> committed() == 1);

            assertThat(hook.requests()).singleElement().satisfies(r -> assertThat(codec.decode(r.body()))
                    .isEqualTo(event));
        }
        assertThat(deadLetters()).isEmpty();
        assertThat(count(NotifierMetrics.DELIVERED, "webhook")).isEqualTo(1);
        assertThat(count(NotifierMetrics.DEAD_LETTERED, "webhook")).isZero();
    }

    @Test
    void anMqttBrokerThatRestartsGetsTheEventAfterTheNotifierReconnects() throws Exception {
        try (Mosquitto mqtt = Mosquitto.anonymous().start()) {
            AnomalyEvent before = Events.of("e1", Phase.START, "gate", 103);
            AnomalyEvent after = Events.of("e1", Phase.END, "gate", 140);
            produce(before);
            // One retry a second: time to restart the broker and subscribe again between two attempts.
            start(Map.of("mqtt-uri", mqtt.uri(), "mqtt-topic-prefix", prefix, "delivery-attempts", "20",
                    "retry-delay", "1s", "retry-max-delay", "1s", "mqtt-timeout", "2s"), Map.of());
            await().atMost(PATIENCE).until(() -> committed() == 1);

            mqtt.kill();
            produce(after);
            await().atMost(PATIENCE).until(() -> count(NotifierMetrics.ATTEMPTS_FAILED, "mqtt") >= 1);
            mqtt.start();
            try (MqttInbox inbox = new MqttInbox(mqtt.uri(), prefix + "/#", null, null)) {
                await().atMost(PATIENCE).until(() -> committed() == 2);

                assertThat(inbox.messages()).singleElement().satisfies(m -> {
                    assertThat(m.topic()).isEqualTo(prefix + "/gate/events");
                    assertThat(codec.decode(m.payload())).isEqualTo(after);
                });
            }
        }
        assertThat(deadLetters()).isEmpty();
        assertThat(count(NotifierMetrics.DELIVERED, "mqtt")).isEqualTo(2);
    }

    private void start(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("bootstrap-servers", kafka.bootstrapServers(),
                "topic-events", prefix + ".events", "topic-dlq", prefix + ".dlq", "group-id", prefix,
                "topic-partitions", "2", "metrics-port", "-1"));
        all.putAll(flags);
        ConfigReader config = new ConfigReader(all, env);
        NotifierSettings settings = NotifierSettings.load(config, List.of(), UniqueNames.of("it"));
        config.validate();
        NotifierService service = new NotifierService(settings, NotifierService.sinks(settings), clients, registry,
                Clock.systemUTC());
        running.add(service);
        CompletableFuture.runAsync(() -> {
            try {
                service.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, executor);
    }

    private void produce(AnomalyEvent event) {
        produce(event.streamId(), codec.encode(event));
    }

    private void produce(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(prefix + ".events", key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + prefix + ".events", e);
        }
    }

    private long committed() throws Exception {
        return admin.listConsumerGroupOffsets(prefix).partitionsToOffsetAndMetadata().get().values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum();
    }

    private List<DeadLetter> deadLetters() {
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".dlq").stream()
                .map(r -> new DeadLetterCodec().decode(r.value())).toList();
    }

    private double count(String meter, String sink) {
        var counter = registry.find(meter).tag("sink", sink).counter();
        return counter == null ? 0 : counter.count();
    }
}
