package dev.vad.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The built CLI jar run as a separate process, as a user runs it, with its output collected line by line. */
final class VadProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private VadProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the stream closes when the process is killed: nothing more to read
            }
        }, "vad-process-output");
        reader.start();
    }

    /** Starts {@code java -jar target/vad.jar ARGS} with one native thread, stdout and stderr merged. */
    static VadProcess start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** As {@link #start(String...)}, with these environment variables added. */
    static VadProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "vad.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().putAll(environment);
        return start(builder);
    }

    /** Starts a prepared command (its own launcher, environment, directory), stdout and stderr merged. */
    static VadProcess start(ProcessBuilder builder) throws IOException {
        return new VadProcess(builder.redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The sum of a metric's samples on the process' metrics endpoint (the URL it printed as {@code metrics at}),
     * or -1 before it printed one.
     */
    double metric(String series) throws IOException, InterruptedException {
        String url = metricsUrl();
        if (url == null) {
            return -1;
        }
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(series + "{") || line.startsWith(series + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /**
     * The answer of the process' {@code /health} (beside the metrics URL it printed), or null before it printed
     * one.
     */
    HttpResponse<String> health() throws IOException, InterruptedException {
        String url = metricsUrl();
        return url == null ? null : HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url.replaceFirst("/metrics$", "/health"))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metricsUrl() {
        return output.stream().filter(line -> line.startsWith("metrics at "))
                .map(line -> line.substring("metrics at ".length())).findFirst().orElse(null);
    }

    List<String> output() {
        return List.copyOf(output);
    }

    boolean printed(String fragment) {
        return output.stream().anyMatch(line -> line.contains(fragment));
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then the exit code (or -1 when it did not exit within the time). Signalled through the process
     * handle: {@link Process#destroy()} would also close our end of its output, losing what it prints as it stops.
     */
    int terminate(long seconds) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return -1;
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Waits for the process to exit by itself; the exit code, or -1 when it did not exit within the time. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return -1;
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
