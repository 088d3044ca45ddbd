package dev.vad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus}, installed by scripts/install-test-deps) on a free loopback port,
 * and the parts of its HTTP API the stack tests ask: instant queries, scrape targets, readiness.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code prometheus ARGS --web.listen-address=127.0.0.1:PORT} on a free port.
     *
     * @param args its flags ({@code --config.file=...}, {@code --storage.tsdb.path=...})
     * @param log  where its output goes
     */
    static PrometheusServer start(List<String> args, Path log) {
        int port = FreePorts.one();
        List<String> command = new ArrayList<>(List.of("prometheus"));
        command.addAll(args);
        command.add("--web.listen-address=127.0.0.1:" + port);
        try {
            return new PrometheusServer(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), port, log);
        } catch (IOException e) {
            throw new AssertionError("prometheus is not installed; scripts/install-test-deps installs it ("
                    + e.getMessage() + ")", e);
        }
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** An instant query's answer, as Prometheus' HTTP API returns it; null while Prometheus is not answering. */
    JsonNode query(String expr) throws InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /**
     * A range query's answer over the last {@code range} up to now, one point each {@code step} (as Grafana runs
     * annotation queries); null while Prometheus is not answering.
     */
    JsonNode queryRange(String expr, Duration range, String step) throws InterruptedException {
        long end = System.currentTimeMillis() / 1000;
        return get("/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&start="
                + (end - range.toSeconds()) + "&end=" + end + "&step=" + URLEncoder.encode(step, StandardCharsets.UTF_8));
    }

    /** The scrape targets ({@code data.activeTargets[].health}, ...); null while Prometheus is not answering. */
    JsonNode targets() throws InterruptedException {
        return get("/api/v1/targets");
    }

    /** What Prometheus printed so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private JsonNode get(String pathAndQuery) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + pathAndQuery);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
