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

    /** The dashboard of the notifier, which the demo does not run: its queries are checked against a notifier. */
    static final String NOTIFIER_DASHBOARD = "notifications.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One query of one dashboard: a panel's, or an annotation's (panel id -1, the annotation's name as title), which
     * Grafana runs as a range query over the dashboard's time range with {@code step}.
     */
    record PanelQuery(String dashboard, int panelId, String panelTitle, String expr, String step) {

        boolean annotation() {
            return panelId < 0;
        }

        @Override
        public String toString() {
            return dashboard + (annotation() ? " annotation" : " #" + panelId) + " '" + panelTitle + "': " + expr;
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

    /** Every dashboard's annotation queries (Prometheus ones: those with an expression). */
    static List<JsonNode> annotations(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        dashboard.path("annotations").path("list").forEach(all::add);
        return all;
    }

    /** Every panel and annotation query of the dashboards of the pipeline's services (all but the notifier's). */
    static List<PanelQuery> queries() {
        return dashboardFiles().stream().filter(f -> !f.getFileName().toString().equals(NOTIFIER_DASHBOARD))
                .flatMap(f -> queries(f).stream()).toList();
    }

    /** Every panel and annotation query of the notifier's dashboard. */
    static List<PanelQuery> notifierQueries() {
        return queries(DASHBOARDS.resolve(NOTIFIER_DASHBOARD));
    }

    private static List<PanelQuery> queries(Path file) {
        List<PanelQuery> queries = new ArrayList<>();
        JsonNode dashboard = read(file);
        String name = file.getFileName().toString();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new PanelQuery(name, panel.path("id").asInt(), panel.path("title").asText(),
                        target.path("expr").asText(), null));
            }
        }
        for (JsonNode annotation : annotations(dashboard)) {
            queries.add(new PanelQuery(name, -1, annotation.path("name").asText(), annotation.path("expr").asText(),
                    annotation.path("step").asText("15s")));
        }
        return queries;
    }
}
