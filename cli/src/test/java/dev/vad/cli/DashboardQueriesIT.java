package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel query of the shipped dashboards returns data from the running services: the demo (embedded broker,
 * synthetic scene in real time, trainer, scorer) scraped by a real Prometheus whose config is the repository's with
 * its targets moved to loopback, each dashboard expression evaluated through Prometheus' HTTP API.
 */
class DashboardQueriesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(240);

    @Test
    void everyDashboardQueryReturnsDataFromTheRunningServices(@TempDir Path dir) throws Exception {
        int metricsBase = FreePorts.consecutive(3);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, loopbackConfig(metricsBase));
        try (PrometheusServer prometheus = PrometheusServer.start(List.of("--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data")), dir.resolve("prometheus.log"));
             VadProcess demo = VadProcess.start("demo", "--source", "synthetic:?fps=100",
                "--preset", "compact", "--duration", PATIENCE.plusSeconds(60).toSeconds() + "s", "--metrics-port-base",
                String.valueOf(metricsBase), "--viewer-port", "0")) {
            sendOneUnreadableWindow(awaitBroker(demo));

            Map<StackFiles.PanelQuery, String> missing = awaitData(prometheus, demo);

            assertThat(missing).as("dashboard queries without data after " + PATIENCE.toSeconds() + " s")
                    .isEmpty();
            assertThat(demo.terminate(60)).as("the demo stops on SIGTERM").isNotEqualTo(-1);
        }
    }

    /** The repository's scrape config, same jobs, targets on the demo's loopback ports, scraped every second. */
    private static String loopbackConfig(int metricsBase) throws IOException {
        String config = Files.readString(StackFiles.PROMETHEUS)
                .replace("scrape_interval: 5s", "scrape_interval: 1s")
                .replace("\"ingest:9401\"", "\"127.0.0.1:" + metricsBase + "\"")
                .replace("\"trainer:9402\"", "\"127.0.0.1:" + (metricsBase + 1) + "\"")
                .replace("\"scorer:9403\"", "\"127.0.0.1:" + (metricsBase + 2) + "\"");
        assertThat(config).contains("127.0.0.1:" + metricsBase, "127.0.0.1:" + (metricsBase + 2), "1s");
        return config;
    }

    private static String awaitBroker(VadProcess demo) {
        String prefix = "embedded Kafka broker at ";
        try {
            return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> demo.output().stream().filter(line -> line.startsWith(prefix)).findFirst(),
                            Optional::isPresent)
                    .orElseThrow().substring(prefix.length()).trim();
        } catch (ConditionTimeoutException e) {
            return fail("the demo did not start its broker: " + demo.output());
        }
    }

    /**
     * A record no service can read, so the dead-letter panels have something to show; sent once the demo has
     * created the frames topic (sent earlier, it would have the broker create the topic on its own).
     */
    private static void sendOneUnreadableWindow(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            await().alias("the demo creates vad.frames").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.listTopics().names().get().contains("vad.frames"));
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("vad.frames", "bad".getBytes(StandardCharsets.UTF_8),
                    "not a frame window".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** Polls every query until each returns a series; those still without one at the end, with the answer. */
    private Map<StackFiles.PanelQuery, String> awaitData(PrometheusServer prometheus, VadProcess demo) {
        List<StackFiles.PanelQuery> queries = StackFiles.queries();
        assertThat(queries).hasSizeGreaterThan(40);
        Map<StackFiles.PanelQuery, String> missing = new LinkedHashMap<>();
        queries.forEach(query -> missing.put(query, "not asked yet"));
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (StackFiles.PanelQuery query : new ArrayList<>(missing.keySet())) {
                    JsonNode answer = prometheus.query(asGrafanaSendsIt(query.expr()));
                    if (answer == null) {
                        missing.put(query, "Prometheus not answering yet");
                    } else if (!"success".equals(answer.path("status").asText())) {
                        fail("query refused by Prometheus: " + query + " -> " + answer);
                    } else if (answer.path("data").path("result").isEmpty()) {
                        missing.put(query, answer.toString());
                    } else {
                        missing.remove(query);
                    }
                }
                return missing.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            System.out.println(String.join("\n", demo.output()));
        }
        return missing;
    }

    /** The query as Grafana sends it for the default variables. */
    private static String asGrafanaSendsIt(String expr) {
        return expr.replace("$__rate_interval", "15s").replace("$__range", "5m").replace("$stream", ".*");
    }
}
