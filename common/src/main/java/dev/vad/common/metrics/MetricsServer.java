package dev.vad.common.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.http.EndpointUrl;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Serves a registry's scrape on {@code /metrics} and a health verdict on {@code /health} (200 when healthy,
 * 503 otherwise, with a one-line reason), from the JDK's HTTP server; {@code /metrics} behind the settings'
 * password when one is set, and both over HTTPS when a keystore is.
 */
public final class MetricsServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final String scheme;

    private MetricsServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
    }

    /**
     * Starts serving on the configured address.
     *
     * @param health   current health: {@link Health#ok()} or a reason it is not
     * @param executor runs the HTTP exchanges (one small thread is plenty)
     * @throws IllegalStateException when the address cannot be bound (e.g. the port is in use)
     */
    public static MetricsServer start(MetricsSettings settings, PrometheusMeterRegistry registry,
                                      Supplier<Health> health, Executor executor) {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), Math.max(settings.port(), 0));
        HttpServer server;
        try {
            server = settings.access().create(address, 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + settings.bindAddress() + ":"
                    + settings.port() + " (" + e.getMessage() + "); choose another --metrics-port", e);
        }
        settings.access().guard(server.createContext("/metrics",
                exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape())), "vad metrics");
        server.createContext("/health", exchange -> {
            Health verdict = health.get();
            respond(exchange, verdict.healthy() ? 200 : 503, "text/plain; charset=utf-8", verdict.reason() + "\n");
        });
        server.setExecutor(executor);
        server.start();
        return new MetricsServer(server, settings.access().scheme());
    }

    /** The port actually bound (useful when the settings asked for any free port). */
    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return EndpointUrl.of(scheme, server.getAddress(), path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
