package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vad.common.metrics.VadMetric;
import dev.vad.notifier.NotifierMetrics;
import dev.vad.notifier.NotifierSettings;
import dev.vad.scorer.evidence.EvidenceMetrics;
import dev.vad.scorer.evidence.EvidenceRecorder;
import dev.vad.scorer.evidence.EvidenceSettings;
import dev.vad.scorer.evidence.EvidenceStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker stack checked without a Docker engine: the compose file validates and mounts only files in the
 * repository, the image copies only what exists, Prometheus' config passes promtool, and every dashboard is
 * well-formed and shows only metrics the services register (the notifier's dashboard only the notifier's), the
 * scorer's evidence metrics included.
 */
class StackFilesTest {

    private static final Pattern HOST_MOUNT = Pattern.compile("(?m)^\\s*-\\s*(\\./[^:\\s]+):");
    private static final Pattern VAD_SERIES = Pattern.compile("\\bvad_[a-z0-9_]+");
    private static final Pattern UID = Pattern.compile("(?m)^\\s*uid:\\s*(\\S+)\\s*$");

    @Test
    void composeFileValidatesWithDockerCompose() throws Exception {
        Result result = run(StackFiles.ROOT, "docker-compose", "-f", StackFiles.COMPOSE.toString(), "config", "-q");

        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void everyFileTheComposeFileMountsIsInTheRepository() throws IOException {
        String compose = Files.readString(StackFiles.COMPOSE);
        List<String> mounts = all(HOST_MOUNT, compose);

        assertThat(mounts).contains("./prometheus/prometheus.yml", "./grafana/provisioning", "./grafana/dashboards");
        assertThat(mounts).allSatisfy(mount -> assertThat(StackFiles.ROOT.resolve(mount)).exists());
    }

    @Test
    void theScorerKeepsItsEvidenceOnANamedVolumeThatTheImagePreparesForItsUser() throws Exception {
        ComposeService scorer = ComposeFile.resolve(StackFiles.COMPOSE).service("scorer");
        String evidence = scorer.environment().get("VAD_EVIDENCE_DIR");

        assertThat(evidence).as("the scorer's VAD_EVIDENCE_DIR").isNotBlank();
        assertThat(scorer.mounts()).as("a named volume at the scorer's evidence directory")
                .anyMatch(mount -> mount.named() && mount.target().equals(evidence));
        assertThat(Files.readString(StackFiles.ROOT.resolve("Dockerfile"))).as("the image creates " + evidence
                + " owned by its user, so a fresh named volume is writable").contains("mkdir -p", evidence);
    }

    @Test
    void theNotifierStartsOnlyWithItsProfileTakesItsSinksFromTheShellAndPublishesItsMetricsOnLoopback()
            throws Exception {
        ComposeFile compose = ComposeFile.resolve(StackFiles.COMPOSE);
        ComposeService notifier = compose.service("notifier");

        assertThat(notifier.profiles()).as("docker compose --profile notify up starts it").containsExactly("notify");
        assertThat(compose.services()).as("services docker compose up starts without a profile")
                .filteredOn(service -> !service.name().equals(notifier.name()))
                .allSatisfy(service -> assertThat(service.profiles()).as(service.name()).isEmpty());
        assertThat(notifier.command()).containsExactly("notify");
        assertThat(notifier.environment()).as("sinks and secrets, empty unless the shell or .env sets them")
                .containsEntry("VAD_WEBHOOK_URL", "").containsEntry("VAD_WEBHOOK_SECRET", "")
                .containsEntry("VAD_MQTT_URI", "").containsEntry("VAD_MQTT_USER", "")
                .containsEntry("VAD_MQTT_PASSWORD", "");
        assertThat(notifier.publishedPorts()).containsExactly(NotifierSettings.DEFAULT_METRICS_PORT);
        assertThat(Files.readString(StackFiles.COMPOSE)).as("its metrics port published like the others'")
                .contains("\"${VAD_HOST_ADDRESS:-127.0.0.1}:9405:9405\"");
        assertThat(notifier.healthcheckUrl()).hasValueSatisfying(url -> assertThat(url.getPath())
                .isEqualTo("/health"));
    }

    @Test
    void everyPathTheImageCopiesFromTheBuildContextExists() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Dockerfile.Stage stage : Dockerfile.read(StackFiles.ROOT.resolve("Dockerfile")).stages()) {
            for (Dockerfile.Instruction copy : stage.all("COPY")) {
                if (copy.flags().stream().noneMatch(flag -> flag.startsWith("--from="))) {
                    sources.addAll(copy.words().subList(0, copy.words().size() - 1));
                }
            }
        }

        assertThat(sources).contains("pom.xml", "docker/vad");
        assertThat(sources).allSatisfy(source -> assertThat(StackFiles.ROOT.resolve(source)).exists());
        assertThat(StackFiles.ROOT.resolve("docker/vad")).isExecutable();
    }

    @Test
    void theImageStartsTheJvmWithTheSameMemorySettingsAsTheVadScript() throws IOException {
        List<String> settings = List.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
                "exec java -Xmn24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 ${VAD_JAVA_OPTS:-} -jar");
        String script = Files.readString(StackFiles.ROOT.resolve("vad"));
        String entrypoint = Files.readString(StackFiles.ROOT.resolve("docker/vad"));

        for (String setting : settings) {
            assertThat(script).as("./vad").contains(setting);
            assertThat(entrypoint).as("docker/vad").contains(setting);
        }
        for (String line : script.lines().filter(l -> l.startsWith("export MALLOC_")).toList()) {
            assertThat(entrypoint).as("docker/vad sets what ./vad sets").contains(line);
        }
    }

    @Test
    void prometheusConfigPassesPromtool() throws Exception {
        Result result = run(StackFiles.ROOT, "promtool", "check", "config", StackFiles.PROMETHEUS.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readString(StackFiles.PROMETHEUS)).contains("ingest:9401", "trainer:9402", "scorer:9403",
                "notifier:9405");
    }

    @Test
    void dashboardsAreValidJsonWithUniquePanelIdsAndAProvisionedDatasource() throws IOException {
        Set<String> provisioned = new HashSet<>();
        try (var files = Files.list(StackFiles.DATASOURCES)) {
            for (Path file : files.toList()) {
                provisioned.addAll(all(UID, Files.readString(file)));
            }
        }
        assertThat(StackFiles.dashboardFiles()).extracting(f -> f.getFileName().toString())
                .containsExactly("anomalies.json", "notifications.json", "pipeline-overview.json", "training.json");
        Set<String> dashboardUids = new HashSet<>();

        for (Path file : StackFiles.dashboardFiles()) {
            JsonNode dashboard = StackFiles.read(file);
            assertThat(dashboardUids.add(dashboard.path("uid").asText())).as(file + " uid is unique").isTrue();
            List<JsonNode> panels = StackFiles.panels(dashboard);
            assertThat(panels).as(file.toString()).isNotEmpty();
            List<Integer> ids = panels.stream().map(p -> p.path("id").asInt(-1)).toList();
            assertThat(ids).as(file + " panel ids").doesNotHaveDuplicates().doesNotContain(-1);
            for (JsonNode panel : panels) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                String where = file.getFileName() + " panel " + panel.path("id") + " " + panel.path("title");
                assertThat(panel.path("targets")).as(where).isNotEmpty();
                assertThat(provisioned).as(where).contains(panel.path("datasource").path("uid").asText());
                for (JsonNode target : panel.path("targets")) {
                    assertThat(provisioned).as(where).contains(target.path("datasource").path("uid").asText());
                    assertThat(target.path("expr").asText()).as(where).isNotBlank();
                }
            }
            for (JsonNode annotation : StackFiles.annotations(dashboard)) {
                String where = file.getFileName() + " annotation " + annotation.path("name");
                assertThat(annotation.path("name").asText()).as(where).isNotBlank();
                assertThat(provisioned).as(where).contains(annotation.path("datasource").path("uid").asText());
                assertThat(annotation.path("expr").asText()).as(where).isNotBlank();
            }
        }
    }

    @Test
    void theAnomaliesDashboardMarksEveryEpisodeFromTheEventsCounter() {
        List<StackFiles.PanelQuery> annotations = StackFiles.queries().stream()
                .filter(StackFiles.PanelQuery::annotation).toList();

        assertThat(annotations).singleElement().satisfies(episodes -> {
            assertThat(episodes.dashboard()).isEqualTo("anomalies.json");
            assertThat(episodes.expr()).contains(VadMetric.SCORER_EVENTS.prometheusSeries().get(0),
                    "phase=\"start\"", "phase=\"end\"");
        });
    }

    @Test
    void theNotificationsDashboardShowsEveryNotifierMetricAndNoOther() {
        List<String> metrics = List.of(NotifierMetrics.DELIVERED, NotifierMetrics.ATTEMPTS_FAILED,
                NotifierMetrics.RETRIES, NotifierMetrics.DEAD_LETTERED, NotifierMetrics.DELIVERY_LATENCY,
                NotifierMetrics.EVENTS_CONSUMED).stream().map(name -> name.replace('.', '_')).toList();
        Set<String> shown = new TreeSet<>();
        StackFiles.notifierQueries().forEach(query -> shown.addAll(all(VAD_SERIES, query.expr())));

        assertThat(shown).as("series on the notifications dashboard the notifier does not register")
                .allMatch(series -> VadMetric.DLQ_RECORDS.prometheusSeries().contains(series)
                        || metrics.stream().anyMatch(series::startsWith));
        assertThat(metrics).as("notifier metrics on the dashboard")
                .allMatch(metric -> shown.stream().anyMatch(series -> series.startsWith(metric)));
    }

    @Test
    void dashboardsShowEveryMetricTheServicesRegisterAndNoOther(@TempDir Path evidence) {
        Set<String> evidenceSeries = evidenceSeries(evidence);
        Set<String> known = Arrays.stream(VadMetric.values()).flatMap(m -> m.prometheusSeries().stream())
                .collect(Collectors.toSet());
        known.addAll(evidenceSeries);
        Set<String> shown = new TreeSet<>();
        StackFiles.queries().forEach(query -> shown.addAll(all(VAD_SERIES, query.expr())));

        assertThat(shown).as("series on the dashboards that no service registers").isSubsetOf(known);
        for (VadMetric metric : VadMetric.values()) {
            assertThat(metric.prometheusSeries()).as(metric.meterName() + " is on a dashboard")
                    .anyMatch(shown::contains);
        }
        assertThat(evidenceSeries).as("the scorer's evidence series").hasSize(4);
        assertThat(shown).as("evidence series on the dashboards").containsAll(evidenceSeries);
    }

    /** The series of the scorer's evidence metrics as it publishes them where it stores evidence. */
    private static Set<String> evidenceSeries(Path dir) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EvidenceStore store = EvidenceStore.open(dir, Clock.systemUTC());
        EvidenceMetrics.register(registry, store, new EvidenceRecorder(EvidenceSettings.OFF, store, 1));
        return new TreeSet<>(all(VAD_SERIES, registry.scrape()));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(matcher.groupCount() > 0 ? 1 : 0));
        }
        return found;
    }

    record Result(int exit, String output) {
    }

    static Result run(Path directory, String... command) throws Exception {
        return run(directory, 60, command);
    }

    /**
     * Runs a command to its end, its output and errors merged (through a file, so a command that outlives
     * {@code seconds} is killed and fails the test instead of blocking it).
     */
    static Result run(Path directory, long seconds, String... command) throws Exception {
        Path log = Files.createTempFile("vad-command", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(command[0] + " is not installed; scripts/install-test-deps installs it ("
                        + e.getMessage() + ")", e);
            }
            boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as(String.join(" ", command) + " did not end within " + seconds + " s:\n" + output)
                    .isTrue();
            return new Result(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
