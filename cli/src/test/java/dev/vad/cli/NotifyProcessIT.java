package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.notifier.WebhookSignature;
import dev.vad.testkit.HttpReceiver;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vad notify} run as a user runs it: its settings checked (an MQTT broker that is not there at start among
 * them), events posted, metrics served and shown by its dashboard, {@code /health} following the webhook, SIGTERM
 * obeyed.
 */
@ExtendWith(RealKafka.class)
class NotifyProcessIT {

    private static final String SECRET = "Hook-S3cret-41ac";
    private static final String TOKEN = "T0k3n-9d2e";

    @TempDir
    Path dir;

    @Test
    void postsSignedEventsServesItsMetricsAndStopsOnSigtermWithoutPrintingSecrets(KafkaBackend kafka)
            throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "notify");
        Path secret = Files.writeString(dir.resolve("webhook-secret"), SECRET + "\n");
        JsonCodec<AnomalyEvent> codec = JsonCodec.events(WireLimits.DEFAULT);
        AnomalyEvent event = new AnomalyEvent(AnomalyEvent.SCHEMA_VERSION, "e-1", AnomalyEvent.Phase.START,
                AnomalyEvent.Kind.ANOMALY, "gate", 750, 753, 30_000_000, 30_120_000, 6.2, 752, "conv3d", 2,
                1_780_000_000_000_000L);
        try (HttpReceiver hook = HttpReceiver.start();
             VadProcess notify = pipeline.start("notify", "--webhook-url", hook.url("/vad?token=" + TOKEN),
                     "--webhook-secret-file", secret.toString(), "--metrics-port", "0", "--group-id",
                     pipeline.group("notifier"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                     new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(pipeline.topic("events"), "gate", codec.encode(event))).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> hook.requests().size() == 1);
            HttpReceiver.Request request = hook.requests().get(0);
            assertThat(codec.decode(request.body())).isEqualTo(event);
            assertThat(new WebhookSignature(SECRET).verify(request.body(), request.header("X-Vad-Signature")))
                    .isTrue();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> notify.metric("vad_notifier_delivered_total") == 1);
            assertThat(notify.metric("vad_notifier_dead_lettered_total")).isZero();
            assertThat(notify.health().statusCode()).as("/health while the webhook delivers").isEqualTo(200);
            assertThat(notify.terminate(60)).isEqualTo(143);
            assertThat(notify.output()).anyMatch(line -> line.equals("notifier: 1 events handled"))
                    .anyMatch(line -> line.contains("http://127.0.0.1:"))
                    .noneMatch(line -> line.contains(SECRET) || line.contains(TOKEN));
        }
    }

    /**
     * A webhook that answers 503 past the retries, then 200 again: {@code /health} says so, and every query of the
     * notifier's dashboard returns data through a real Prometheus scraping the notifier.
     */
    @Test
    void healthIsUnhealthyWithTheReasonOnceTheWebhookFailedPastItsRetriesAndHealthyOnceItDeliversAgain(
            KafkaBackend kafka) throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "notify-health");
        Path secret = Files.writeString(dir.resolve("webhook-secret"), SECRET + "\n");
        JsonCodec<AnomalyEvent> codec = JsonCodec.events(WireLimits.DEFAULT);
        int metricsPort = FreePorts.one();
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n"
                + "scrape_configs:\n  - job_name: notifier\n    static_configs:\n      - targets: [\"127.0.0.1:"
                + metricsPort + "\"]\n");
        try (HttpReceiver hook = HttpReceiver.start();
             VadProcess notify = pipeline.start("notify", "--webhook-url", hook.url("/vad"),
                     "--webhook-secret-file", secret.toString(), "--metrics-port", String.valueOf(metricsPort),
                     "--group-id", pipeline.group("notifier"), "--delivery-attempts", "2", "--retry-delay", "100ms");
             PrometheusServer prometheus = PrometheusServer.start(List.of("--config.file=" + config,
                     "--storage.tsdb.path=" + dir.resolve("data")), dir.resolve("prometheus.log"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                     new ByteArraySerializer())) {
            hook.answer(503);
            producer.send(new ProducerRecord<>(pipeline.topic("events"), "gate", codec.encode(event("e-1")))).get();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> notify.metric("vad_notifier_dead_lettered_total") == 1);
            HttpResponse<String> failing = notify.health();
            hook.answer(200);
            producer.send(new ProducerRecord<>(pipeline.topic("events"), "gate", codec.encode(event("e-2")))).get();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> notify.metric("vad_notifier_delivered_total") == 1);

            assertThat(failing.statusCode()).as("/health after the webhook's retries ran out").isEqualTo(503);
            assertThat(failing.body()).contains("webhook gave up on an event", "webhook_undeliverable",
                    "not delivered after 2 attempts", "HTTP 503");
            assertThat(notify.health().statusCode()).as("/health once the webhook delivers again").isEqualTo(200);
            assertThat(awaitDashboardData(prometheus)).as("notifications dashboard queries without data").isEmpty();
        }
    }

    /** The notifier dashboard's queries still without a series after a minute (asked as Grafana sends them). */
    private static List<String> awaitDashboardData(PrometheusServer prometheus) {
        List<StackFiles.PanelQuery> queries = StackFiles.notifierQueries();
        assertThat(queries).hasSizeGreaterThan(5);
        List<String> missing = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                missing.clear();
                for (StackFiles.PanelQuery query : queries) {
                    JsonNode answer = prometheus.query(query.expr().replace("$__rate_interval", "15s")
                            .replace("$__range", "5m"));
                    if (answer == null || answer.path("data").path("result").isEmpty()) {
                        missing.add(query + " -> " + answer);
                    }
                }
                return missing.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // the caller's assertion lists them
        }
        return missing;
    }

    @Test
    void anMqttBrokerThatIsNotThereAtStartIsAConfigurationProblem() throws Exception {
        String nobody = "tcp://127.0.0.1:" + FreePorts.one();
        try (VadProcess notify = VadProcess.start("notify", "--mqtt-uri", nobody, "--mqtt-timeout", "3s",
                "--bootstrap-servers", "127.0.0.1:" + FreePorts.one())) {
            assertThat(notify.awaitExit(60)).isEqualTo(2);
            assertThat(String.join("\n", notify.output())).contains("vad notify: ", "--mqtt-uri / VAD_MQTT_URI",
                    "expected an MQTT broker that accepts the connection within --mqtt-timeout",
                    "'" + nobody + "' (flag), which did not accept a connection");
        }
    }

    private static AnomalyEvent event(String id) {
        return new AnomalyEvent(AnomalyEvent.SCHEMA_VERSION, id, AnomalyEvent.Phase.START, AnomalyEvent.Kind.ANOMALY,
                "gate", 750, 753, 30_000_000, 30_120_000, 6.2, 752, "conv3d", 2, 1_780_000_000_000_000L);
    }

    @Test
    void badSettingsExitTwoListingEveryProblem() throws Exception {
        try (VadProcess notify = VadProcess.start("notify", "--webhook-url", "ftp://files/drop", "--mqtt-uri",
                "mqtt//broker", "--webhook-secret-file", dir.resolve("missing").toString(), "--delivery-attempts",
                "0")) {
            assertThat(notify.awaitExit(60)).isEqualTo(2);
            assertThat(String.join("\n", notify.output())).contains("vad notify: 5 configuration problems:",
                    "--webhook-url / VAD_WEBHOOK_URL", "--webhook-secret-file", "--mqtt-uri / VAD_MQTT_URI",
                    "--delivery-attempts / VAD_DELIVERY_ATTEMPTS", "--bootstrap-servers");
        }
    }
}
