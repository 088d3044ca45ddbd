package dev.vad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose file as Compose itself resolves it: {@code docker-compose -f FILE config} (Debian's docker-compose)
 * prints it with anchors, merge keys and {@code ${VAR:-default}} resolved and bind mounts made absolute. It runs
 * with an environment of only PATH and HOME, so the file's own defaults apply, not the shell's.
 */
final class ComposeFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmg]?)b?");

    private final Map<String, ComposeService> services;

    private ComposeFile(Map<String, ComposeService> services) {
        this.services = services;
    }

    static ComposeFile resolve(Path file) throws IOException, InterruptedException {
        return resolve(file, Map.of());
    }

    /** @param shell the variables set where {@code docker compose} runs, which the file's {@code ${VAR:-...}} read */
    static ComposeFile resolve(Path file, Map<String, String> shell) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", file.toString(), "config")
                .directory(file.getParent().toFile());
        builder.environment().keySet().retainAll(List.of("PATH", "HOME"));
        builder.environment().putAll(shell);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is not installed; scripts/install-test-deps installs it ("
                    + e.getMessage() + ")", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("docker-compose config rejects " + file + ":\n" + err + out);
        }
        Map<String, ComposeService> services = new LinkedHashMap<>();
        YAML.readTree(out).path("services").fields()
                .forEachRemaining(e -> services.put(e.getKey(), service(e.getKey(), e.getValue())));
        return new ComposeFile(services);
    }

    List<ComposeService> services() {
        return List.copyOf(services.values());
    }

    ComposeService service(String name) {
        ComposeService service = services.get(name);
        if (service == null) {
            throw new AssertionError("the compose file has no service " + name + "; it has " + services.keySet());
        }
        return service;
    }

    private static ComposeService service(String name, JsonNode node) {
        JsonNode health = node.path("healthcheck");
        Duration patience = duration(health.path("start_period").asText("0s"))
                .plus(duration(health.path("interval").asText("30s")).multipliedBy(health.path("retries").asInt(3)));
        return new ComposeService(name, node.path("image").asText(""), command(node.path("command")),
                environment(node.path("environment")), ports(node.path("ports")), mounts(node.path("volumes")),
                strings(health.path("test")), patience, bytes(node.path("mem_limit").asText("0")),
                node.path("cpus").asDouble(0), duration(node.path("stop_grace_period").asText("10s")),
                strings(node.path("profiles")));
    }

    private static List<String> command(JsonNode node) {
        return node.isTextual() ? Arrays.asList(node.asText().trim().split("\\s+")) : strings(node);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static Map<String, String> environment(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isArray()) {
            node.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                if (pair.length == 2) {
                    out.put(pair[0], pair[1]);
                }
            });
        } else {
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    /** The container side of each published port ({@code target}, or the last part of "host:container/tcp"). */
    private static List<Integer> ports(JsonNode node) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode port : node) {
            String target = port.isObject() ? port.path("target").asText() : port.asText();
            target = target.substring(target.lastIndexOf(':') + 1).replaceFirst("/.*$", "");
            out.add(Integer.parseInt(target));
        }
        return out;
    }

    private static List<ComposeService.Mount> mounts(JsonNode node) {
        List<ComposeService.Mount> out = new ArrayList<>();
        for (JsonNode volume : node) {
            if (volume.isObject()) {
                out.add(new ComposeService.Mount(volume.path("source").asText(), volume.path("target").asText(),
                        "volume".equals(volume.path("type").asText())));
            } else {
                String[] parts = volume.asText().split(":");
                if (parts.length >= 2) {
                    out.add(new ComposeService.Mount(parts[0], parts[1], !parts[0].startsWith("/")));
                }
            }
        }
        return out;
    }

    /** A Compose duration: {@code 1m}, {@code 15s}, {@code 1m30s}, {@code 500ms}. */
    static Duration duration(String text) {
        Duration total = Duration.ZERO;
        Matcher m = DURATION.matcher(text);
        while (m.find()) {
            double value = Double.parseDouble(m.group(1));
            long nanos = switch (m.group(2)) {
                case "ns" -> 1;
                case "us" -> 1_000;
                case "ms" -> 1_000_000;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.plusNanos((long) (value * nanos));
        }
        return total;
    }

    /** A Compose byte size: {@code 4g}, {@code 512m}, {@code 1073741824}. */
    static long bytes(String text) {
        Matcher m = BYTES.matcher(text.trim());
        if (!m.matches()) {
            throw new AssertionError("not a byte size: " + text);
        }
        int shift = switch (m.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
    }
}
