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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one service in the foreground: its meter registry, Kafka clients and metrics endpoint (whose {@code /health}
 * is the service's own verdict), and a shutdown hook that asks it to stop and lets it print how it ended before the
 * JVM goes (SIGTERM and Ctrl-C stop it cleanly).
 */
final class ServiceRun {

    private ServiceRun() {
    }

    /**
     * Builds the service, runs it, prints its outcome on one line and returns exit code 0.
     *
     * @param maxMessageBytes largest record its clients carry
     */
    static <T> int run(String name, KafkaSettings kafka, int maxMessageBytes, MetricsSettings metrics,
                       PrintWriter out, BiFunction<KafkaClients, PrometheusMeterRegistry, ForegroundService<T>> factory,
                       Function<T, String> describe) throws InterruptedException {
        PrometheusMeterRegistry registry = MeterRegistries.prometheus(name);
        ExecutorService http = Executors.newSingleThreadExecutor();
        AtomicReference<ForegroundService<T>> running = new AtomicReference<>();
        try (KafkaClients clients = new KafkaClients(kafka, registry, maxMessageBytes);
             MetricsServer server = metrics.enabled() ? MetricsServer.start(metrics, registry,
                     () -> running.get() == null ? Health.ok() : running.get().health(), http) : null) {
            ForegroundService<T> service = factory.apply(clients, registry);
            running.set(service);
            CountDownLatch reported = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.close();
                awaitQuietly(reported);
            }, "vad-" + name + "-shutdown"));
            if (server != null) {
                out.println("metrics at " + server.url("/metrics"));
                out.flush();
            }
            try {
                out.println(describe.apply(service.run()));
                out.flush();
                return 0;
            } finally {
                reported.countDown();
            }
        } finally {
            http.shutdownNow();
        }
    }

    /** Lets a stopping JVM wait until the outcome is printed. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
