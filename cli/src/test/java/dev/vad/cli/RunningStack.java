package dev.vad.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The processes standing in for a compose stack's containers, by service name. Every wait on the stack fails at
 * once when a service has exited (a container would be restarting), and every failure shows what the services
 * printed.
 */
final class RunningStack implements AutoCloseable {

    private static final int TAIL_LINES = 60;

    private final Map<String, VadProcess> services = new LinkedHashMap<>();
    private PrometheusServer prometheus;

    void add(String service, VadProcess process) {
        services.put(service, process);
    }

    void add(PrometheusServer server) {
        this.prometheus = server;
    }

    VadProcess service(String name) {
        return services.get(name);
    }

    PrometheusServer prometheus() {
        return prometheus;
    }

    /**
     * Polls {@code probe} once a second until {@code done} accepts its value; fails with every service's output
     * when a service exits meanwhile or the time runs out.
     */
    <T> T await(String what, Duration atMost, Callable<T> probe, Predicate<? super T> done) {
        try {
            return Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertRunning(what);
                return probe.call();
            }, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not " + what + " within " + atMost.toSeconds() + " s\n" + outputs(), e);
        }
    }

    /** Fails, with every service's output, when a service or Prometheus is no longer running. */
    void assertRunning(String during) throws InterruptedException {
        List<String> exited = new ArrayList<>();
        for (Map.Entry<String, VadProcess> service : services.entrySet()) {
            if (!service.getValue().isAlive()) {
                exited.add(service.getKey() + " (exit code " + service.getValue().awaitExit(0) + ")");
            }
        }
        if (prometheus != null && !prometheus.isAlive()) {
            exited.add("prometheus");
        }
        if (!exited.isEmpty()) {
            throw new AssertionError(String.join(", ", exited) + " exited while waiting for " + during + "\n"
                    + outputs());
        }
    }

    /** The last lines each service printed, with whether it is still running. */
    String outputs() {
        StringBuilder out = new StringBuilder();
        services.forEach((name, process) -> {
            List<String> lines = process.output();
            out.append("---- ").append(name).append(process.isAlive() ? " (running)" : " (exited)")
                    .append(lines.size() > TAIL_LINES ? ", last " + TAIL_LINES + " lines" : "").append(":\n");
            lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                    .forEach(line -> out.append(line).append('\n'));
        });
        if (prometheus != null) {
            String[] lines = prometheus.log().split("\n");
            out.append("---- prometheus").append(prometheus.isAlive() ? " (running)" : " (exited)").append(":\n");
            for (int i = Math.max(0, lines.length - (prometheus.isAlive() ? 5 : TAIL_LINES)); i < lines.length; i++) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (VadProcess process : services.values()) {
            process.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
