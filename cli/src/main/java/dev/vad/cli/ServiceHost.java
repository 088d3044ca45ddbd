package dev.vad.cli;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.metrics.Health;
import dev.vad.common.metrics.MeterRegistries;
import dev.vad.common.metrics.MetricsServer;
import dev.vad.common.service.ForegroundService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where a command runs one service: its meter registry, its Kafka clients (bound to the registry), its metrics
 * endpoint (whose {@code /health} is the hosted service's own verdict, healthy until one is hosted) and the
 * process's shutdown hook. Every service command (train, score, notify, ingest, replay) and the demo's three services
 * run in one. Closing it stops the endpoint and the clients' metrics, and lets a waiting shutdown hook go.
 */
final class ServiceHost implements AutoCloseable {

    private final String name;
    private final PrometheusMeterRegistry registry;
    private final ExecutorService http = Executors.newSingleThreadExecutor();
    private final KafkaClients clients;
    private final MetricsServer server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile ForegroundService<?> hosted;

    private ServiceHost(String name, KafkaSettings kafka, int maxMessageBytes, MetricsSettings metrics) {
        this.name = name;
        this.registry = MeterRegistries.prometheus(name);
        KafkaClients built = null;
        try {
            built = new KafkaClients(kafka, registry, maxMessageBytes);
            this.server = metrics.enabled() ? MetricsServer.start(metrics, registry, this::health, http) : null;
        } catch (RuntimeException e) {
            if (built != null) {
                built.close();
            }
            http.shutdownNow();
            throw e;
        }
        this.clients = built;
    }

    /**
     * Opens a host: the registry, the clients and, when the settings ask for one, the metrics endpoint.
     *
     * @param name            the service ({@code scorer}), the registry's common tag
     * @param maxMessageBytes largest record its clients carry
     * @throws IllegalStateException when the metrics port cannot be served, saying which and why
     */
    static ServiceHost open(String name, KafkaSettings kafka, int maxMessageBytes, MetricsSettings metrics) {
        return new ServiceHost(name, kafka, maxMessageBytes, metrics);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    KafkaClients clients() {
        return clients;
    }

    /** Prints where the metrics are served, when they are ({@code <label>metrics at http://…/metrics}). */
    void announceMetrics(PrintWriter out, String label) {
        if (server != null) {
            out.println(label + "metrics at " + server.url("/metrics"));
            out.flush();
        }
    }

    /**
     * Registers the process's shutdown hook: on SIGTERM or Ctrl-C it runs {@code stop}, then waits until this host
     * is closed (10 s at most) so that what runs here can finish and say how it ended before the JVM goes.
     */
    void onShutdown(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vad-" + name + "-shutdown"));
    }

    /**
     * Runs a service here in the foreground until it ends or the process is asked to stop (SIGTERM and Ctrl-C stop
     * it cleanly), after printing the metrics address; prints its outcome on one line.
     *
     * @return exit code 0
     */
    <T> int run(ForegroundService<T> service, PrintWriter out, Function<T, String> describe)
            throws InterruptedException {
        hosted = service;
        onShutdown(service::close);
        announceMetrics(out, "");
        out.println(describe.apply(service.run()));
        out.flush();
        return 0;
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
            clients.close();
            http.shutdownNow();
        } finally {
            closed.countDown();
        }
    }

    private Health health() {
        ForegroundService<?> service = hosted;
        return service == null ? Health.ok() : service.health();
    }
}
