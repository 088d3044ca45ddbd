package dev.vad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The container stack's files at the repository root: compose file, Prometheus config, Grafana dashboards. */
final class StackFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path PROMETHEUS = ROOT.resolve("prometheus/prometheus.yml");
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
    static final Path DATASOURCES = ROOT.resolve("grafana/provisioning/datasources");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One query of one dashboard panel. */
    record PanelQuery(String dashboard, int panelId, String panelTitle, String expr) {
        @Override
        public String toString() {
            return dashboard + " #" + panelId + " '" + panelTitle + "': " + expr;
        }
    }

    private StackFiles() {
    }

    static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path dashboard) {
        try {
            return JSON.readTree(dashboard.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(dashboard + ": " + e.getMessage(), e);
        }
    }

    /** Every panel, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    static List<PanelQuery> queries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = read(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new PanelQuery(file.getFileName().toString(), panel.path("id").asInt(),
                            panel.path("title").asText(), target.path("expr").asText()));
                }
            }
        }
        return queries;
    }
}
