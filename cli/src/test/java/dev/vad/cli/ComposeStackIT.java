package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.KafkaBackends;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docker-compose.yml's stack without a Docker engine. The compose file as Compose resolves it; every service
 * built from the vad image runs its {@code command} with its {@code environment} over the image's ENV, through
 * the image's entrypoint script, as a process of its own ({@link StandInContainer}); Kafka is a broker of the
 * test's own (so the services' default topic names meet no other test's records), at the address the compose
 * broker advertises to containers; Prometheus (Debian's) runs the service's command with its mounted
 * prometheus.yml, the targets moved to where the services listen here. Nothing of the compose file is overridden
 * for speed: with its settings the trainer publishes its first model after about 2 minutes (VAD_PUBLISH_EVERY_STEPS
 * 100, but at most the trainer's default 2 minutes between validations, which comes first on 2 cores).
 *
 * <p>Each service must answer its compose healthcheck within the time Compose gives it, the trainer publish a
 * model (to the models topic and to the models volume), the scorer score the ingested stream with it, every
 * Prometheus target be up with the scorer's metrics scraped, the broker hold only topics the services created
 * (the compose broker creates none on its own), the scorer store its evidence on the volume mounted for it with
 * the viewer answering its episode list, and each service stop on SIGTERM within its stop grace period.
 * A service that exits (a bad command or setting) fails the test at once, with what every service printed.
 * Not covered: the image build itself, Grafana, the Kafka container's own settings, user and file permissions.
 */
class ComposeStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeStackIT.class);
    /** Prometheus' port in its container: its default listen address, which the compose command keeps. */
    private static final int PROMETHEUS_PORT = 9090;
    private static final Pattern ADVERTISED = Pattern.compile("\\w+://([\\w.-]+):(\\d+)");
    private static final Duration FIRST_MODEL = Duration.ofSeconds(360);
    private static final Duration FIRST_SCORES = Duration.ofSeconds(180);
    private static final Duration TARGETS_UP = Duration.ofSeconds(60);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theComposeServicesRunHealthyTrainPublishScoreAndArePrometheusTargets(@TempDir Path dir) throws Exception {
        ComposeFile compose = ComposeFile.resolve(StackFiles.COMPOSE);
        VadImage image = VadImage.read(StackFiles.ROOT.resolve("Dockerfile"));
        assertThat(Path.of("target", "vad.jar")).as("the CLI jar (mvn package builds it)").exists();
        List<ComposeService> vad = compose.services().stream().filter(s -> s.image().startsWith("vad:")).toList();
        assertThat(vad).extracting(ComposeService::name).contains("ingest", "trainer", "scorer");
        LoopbackNetwork network = new LoopbackNetwork(compose.services().stream().map(ComposeService::name).toList());
        Path volumes = dir.resolve("volumes");

        try (KafkaBackend kafka = KafkaBackends.start(); RunningStack stack = new RunningStack()) {
            bindKafka(compose.service("kafka"), kafka.bootstrapServers(), network);
            for (ComposeService service : vad) {
                ListeningPorts.of(service).values().forEach(port -> network.publish(service.name(), port));
            }
            Instant started = Instant.now();
            for (ComposeService service : vad) {
                stack.add(service.name(), StandInContainer.start(service, image, network, volumes,
                        dir.resolve(service.name())));
            }
            ComposeService prometheus = compose.service("prometheus");
            stack.add(startPrometheus(prometheus, network, volumes, dir));

            List<ComposeService> all = Stream.concat(vad.stream(), Stream.of(prometheus)).toList();
            for (ComposeService service : all) {
                awaitHealthy(service, network, stack, started);
            }
            for (ComposeService service : all) {
                assertThat(network.containerPorts(service.name())).as(service.name() + " publishes ports it does not"
                        + " listen on").containsAll(service.publishedPorts());
            }
            StackTopics topics = new StackTopics(kafka.bootstrapServers());
            String modelTopic = StackTopics.of(image, compose.service("trainer")).models();
            List<ModelArtifact> models = stack.await("a model on " + modelTopic, FIRST_MODEL,
                    () -> topics.models(modelTopic), list -> !list.isEmpty());
            LOG.info("the trainer published {}@{} {} s after it started", models.get(0).header().name(),
                    models.get(0).header().version(), Duration.between(started, Instant.now()).toSeconds());
            assertModelFilesInTheVolume(volumes, models);

            String scoreTopic = StackTopics.of(image, compose.service("scorer")).scores();
            List<ScoreRecord> scored = stack.await("windows scored on " + scoreTopic, FIRST_SCORES,
                    () -> topics.scores(scoreTopic), list -> !list.isEmpty());
            LOG.info("the scorer scored its first windows {} s after the stack started",
                    Duration.between(started, Instant.now()).toSeconds());
            assertScoredWithAPublishedModel(scored, models, vad);
            assertTheViewerAsksForItsGeneratedPassword(compose.service("scorer"), network, volumes,
                    stack.service("scorer"));

            awaitEveryTargetUpAndTheScorerScraped(stack, network);
            if ("false".equals(compose.service("kafka").environment().get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))) {
                assertThat(topics.createdByTheBroker()).as("topics the broker created on its own (the compose"
                        + " broker creates none), used before a service created them").isEmpty();
            }
            for (ComposeService service : vad) {
                assertThat(stack.service(service.name()).terminate(service.stopGrace().toSeconds()))
                        .as(service.name() + " stops on SIGTERM within its stop_grace_period\n" + stack.outputs())
                        .isNotEqualTo(-1);
            }
        }
    }

    /** Each {@code kafka:PORT} the compose broker advertises (its listener for containers) is the test's broker. */
    private static void bindKafka(ComposeService kafka, String bootstrap, LoopbackNetwork network) {
        Matcher m = ADVERTISED.matcher(kafka.environment().getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
        while (m.find()) {
            if (m.group(1).equals(kafka.name())) {
                network.bind(kafka.name(), Integer.parseInt(m.group(2)), bootstrap);
            }
        }
        assertThat(network.containerPorts(kafka.name())).as("kafka advertises a listener to containers").isNotEmpty();
    }

    /** Runs the service's command with Debian's prometheus: its config mount is the repository's, retargeted. */
    private static PrometheusServer startPrometheus(ComposeService service, LoopbackNetwork network, Path volumes,
                                                    Path dir) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, network.resolve(Files.readString(StackFiles.PROMETHEUS)));
        ContainerPaths paths = ContainerPaths.of(service, volumes, "/", null, Map.of(StackFiles.PROMETHEUS, config));
        List<String> args = service.command().stream().map(paths::resolve).toList();
        assertThat(args).as("prometheus reads the mounted prometheus.yml").contains("--config.file=" + config);
        PrometheusServer server = PrometheusServer.start(args, dir.resolve("prometheus.log"));
        network.bind(service.name(), PROMETHEUS_PORT, "127.0.0.1:" + server.port());
        return server;
    }

    /**
     * Polls the healthcheck's URL (curl -f and wget fail on a status of 400 and up) until it answers, for as long
     * as Compose would before calling the service unhealthy, counted from the stack's start.
     */
    private void awaitHealthy(ComposeService service, LoopbackNetwork network, RunningStack stack, Instant started) {
        URI url = service.healthcheckUrl().orElseThrow(() ->
                new AssertionError(service.name() + " has no healthcheck URL: " + service.healthcheck()));
        assertThat(url.getHost()).as(service.name() + "'s healthcheck asks its own container").isIn("localhost",
                "127.0.0.1");
        String address = network.address(service.name(), url.getPort());
        URI here = URI.create(url.getScheme() + "://" + address + url.getRawPath());
        Duration left = service.healthPatience().minus(Duration.between(started, Instant.now()));
        String closed = network.containerPorts(service.name()).contains(url.getPort()) ? ""
                : " (" + service.name() + " listens on " + network.containerPorts(service.name()) + ")";
        stack.await(service.name() + " healthy at " + url + closed, left.isNegative() ? Duration.ofSeconds(1) : left,
                () -> status(here), status -> status > 0 && status < 400);
    }

    private int status(URI url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The trainer also writes each version to its model directory, the volume it shares with the scorer. */
    private static void assertModelFilesInTheVolume(Path volumes, List<ModelArtifact> models) throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(volumes)) {
            files = walk.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        ModelArtifact first = models.get(0);
        assertThat(files).as("model files in the named volumes").contains(first.header().name() + "-v"
                + first.header().version() + ".vadm");
    }

    /**
     * The scorer's viewer is published beyond loopback, so it asks for a password: the one generated into the
     * secrets volume on first start (what the compose file tells users to read with {@code docker compose exec}).
     */
    private void assertTheViewerAsksForItsGeneratedPassword(ComposeService scorer, LoopbackNetwork network,
                                                            Path volumes, VadProcess process) throws Exception {
        String file = scorer.environment().get("VAD_VIEWER_PASSWORD_FILE");
        assertThat(file).as("the scorer's viewer password file").isNotBlank();
        ComposeService.Mount mount = scorer.mounts().stream().filter(m -> file.startsWith(m.target() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError(file + " is on no volume of the scorer"));
        Path password = volumes.resolve(mount.source()).resolve(file.substring(mount.target().length() + 1));
        assertThat(password).as("the generated password").exists();
        URI viewer = URI.create("http://" + network.address(scorer.name(), 9404) + "/api/streams");
        String credentials = java.util.Base64.getEncoder().encodeToString(("vad:" + Files.readString(password)
                .strip()).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(status(viewer)).as("the viewer without a password").isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(viewer).header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("the viewer with the generated password").isEqualTo(200);
        assertTheEvidenceIsOnItsVolumeAndListed(scorer, network, volumes, credentials, process);
    }

    /**
     * The scorer stores evidence in the directory its environment names, on the named volume mounted there (it says
     * where on start), and the viewer answers its episode list.
     */
    private void assertTheEvidenceIsOnItsVolumeAndListed(ComposeService scorer, LoopbackNetwork network,
                                                         Path volumes, String credentials, VadProcess process)
            throws Exception {
        String dir = scorer.environment().get("VAD_EVIDENCE_DIR");
        ComposeService.Mount mount = scorer.mounts().stream().filter(m -> m.target().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError("the evidence directory " + dir + " is on no volume"));
        assertThat(process.output()).as("the scorer's evidence directory")
                .contains("evidence in " + volumes.resolve(mount.source()));
        URI episodes = URI.create("http://" + network.address(scorer.name(), 9404) + "/api/episodes");
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(episodes).header("Authorization", "Basic "
                + credentials).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).as("the viewer's episode list: " + listed.body()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).isContainerNode()).as(listed.body()).isTrue();
    }

    /** Every score is by a published model version, and every stream ingest publishes is among those scored. */
    private static void assertScoredWithAPublishedModel(List<ScoreRecord> scores, List<ModelArtifact> models,
                                                        List<ComposeService> vad) {
        Set<String> published = models.stream().map(m -> m.header().name() + "@" + m.header().version())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(scores).extracting(s -> s.modelName() + "@" + s.modelVersion()).allMatch(published::contains);
        List<String> streams = new ArrayList<>();
        vad.stream().filter(s -> s.command().get(0).equals("ingest"))
                .forEach(s -> s.argument("--stream-id").ifPresent(streams::add));
        assertThat(scores).extracting(ScoreRecord::streamId).containsAll(streams);
    }

    /** Every scrape target up, and the scorer's windows counted in Prometheus. */
    private static void awaitEveryTargetUpAndTheScorerScraped(RunningStack stack, LoopbackNetwork network) {
        PrometheusServer prometheus = stack.prometheus();
        String closed = network.closed().isEmpty() ? "" : " (nothing listens on " + network.closed() + ")";
        JsonNode targets = stack.await("every Prometheus target up" + closed, TARGETS_UP, prometheus::targets,
                answer -> answer != null && !answer.path("data").path("activeTargets").isEmpty()
                        && allUp(answer.path("data").path("activeTargets")));
        List<String> jobs = new ArrayList<>();
        targets.path("data").path("activeTargets").forEach(t -> jobs.add(t.path("labels").path("job").asText()));
        assertThat(jobs).containsExactlyInAnyOrder("ingest", "trainer", "scorer");
        stack.await("the scorer's windows in Prometheus", TARGETS_UP,
                () -> prometheus.query("sum(vad_scorer_windows_scored_total)"),
                answer -> answer != null && answer.path("data").path("result").path(0).path("value").path(1)
                        .asDouble(0) > 0);
    }

    private static boolean allUp(JsonNode activeTargets) {
        for (JsonNode target : activeTargets) {
            if (!"up".equals(target.path("health").asText())) {
                return false;
            }
        }
        return true;
    }

}
