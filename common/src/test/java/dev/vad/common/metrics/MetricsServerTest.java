package dev.vad.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.MetricsSettings;
import dev.vad.testkit.SelfSignedKeystore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsServerTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void servesPrometheusTextWithJvmMetricsAndServiceTag() throws Exception {
        PrometheusMeterRegistry registry = MeterRegistries.prometheus("ingest");
        registry.counter("vad.test.events").increment(3);
        try (MetricsServer server = MetricsServer.start(new MetricsSettings("127.0.0.1", 0), registry,
                Health::ok, executor)) {
            HttpResponse<String> response = get(server.url("/metrics"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body())
                    .contains("vad_test_events_total{service=\"ingest\"} 3.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("process_uptime_seconds");
        }
    }

    @Test
    void healthAnswers200WhenHealthyAnd503WithTheReasonWhenNot() throws Exception {
        AtomicReference<Health> health = new AtomicReference<>(Health.ok());
        try (MetricsServer server = MetricsServer.start(new MetricsSettings("127.0.0.1", 0),
                MeterRegistries.prometheus("scorer"), health::get, executor)) {
            assertThat(get(server.url("/health")).statusCode()).isEqualTo(200);

            health.set(Health.failing("no model loaded yet"));
            HttpResponse<String> failing = get(server.url("/health"));

            assertThat(failing.statusCode()).isEqualTo(503);
            assertThat(failing.body()).isEqualTo("no model loaded yet\n");
        }
    }

    @Test
    void aPasswordGuardsMetricsButNotHealthAndAKeystoreServesBothOverHttps(@TempDir Path dir) throws Exception {
        SelfSignedKeystore keystore = SelfSignedKeystore.create(dir, "keystore-pw");
        ConfigReader config = new ConfigReader(Map.of("metrics-tls-keystore", keystore.file().toString()),
                Map.of("VAD_METRICS_PASSWORD", "scrape-me", "VAD_METRICS_TLS_PASSWORD", "keystore-pw"));
        MetricsSettings settings = MetricsSettings.load(config, 0);
        config.validate();
        HttpClient https = HttpClient.newBuilder().sslContext(keystore.trustingClient()).build();
        try (MetricsServer server = MetricsServer.start(settings, MeterRegistries.prometheus("trainer"), Health::ok,
                executor)) {
            assertThat(server.url("/metrics")).startsWith("https://127.0.0.1:");
            HttpRequest.Builder metrics = HttpRequest.newBuilder(URI.create(server.url("/metrics")));

            assertThat(https.send(metrics.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
            assertThat(https.send(metrics.header("Authorization", basic("vad", "scrape-me")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("jvm_memory_used_bytes");
            assertThat(https.send(HttpRequest.newBuilder(URI.create(server.url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("health checks need no password")
                    .isEqualTo(200);
        }
    }

    @Test
    void aServerOnEveryInterfaceShowsALinkThatOpensOnItsHost() throws Exception {
        try (MetricsServer server = MetricsServer.start(new MetricsSettings("0.0.0.0", 0),
                MeterRegistries.prometheus("ingest"), Health::ok, executor)) {
            assertThat(server.url("/health")).isEqualTo("http://127.0.0.1:" + server.port() + "/health");
            assertThat(get(server.url("/health")).statusCode()).isEqualTo(200);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPortInUseFailsNamingTheAddressAndTheFix() {
        PrometheusMeterRegistry registry = MeterRegistries.prometheus("trainer");
        try (MetricsServer first = MetricsServer.start(new MetricsSettings("127.0.0.1", 0), registry, Health::ok,
                executor)) {
            MetricsSettings taken = new MetricsSettings("127.0.0.1", first.port());

            assertThatThrownBy(() -> MetricsServer.start(taken, registry, Health::ok, executor))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot serve metrics on 127.0.0.1:" + first.port())
                    .hasMessageContaining("--metrics-port");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
