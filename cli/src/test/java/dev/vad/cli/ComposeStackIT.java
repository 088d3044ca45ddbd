package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.notifier.WebhookSignature;
import dev.vad.testkit.HttpReceiver;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.KafkaBackends;
import dev.vad.testkit.Mosquitto;
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
 * docker-compose.yml's stack without a Docker engine, as {@code docker compose --profile notify up} starts it. The
 * compose file as Compose resolves it, with the variables a user sets in the shell (or {@code .env}): a webhook
 * with its secret and an MQTT broker with a user and password for the notifier, and
 * {@code VAD_PUBLISH_EVERY_STEPS}. Every service built from the vad image runs its {@code command} with its
 * {@code environment} over the image's ENV, through the image's entrypoint script, as a process of its own
 * ({@link StandInContainer}); Kafka is a broker of the test's own (so the services' default topic names meet no
 * other test's records), at the address the compose broker advertises to containers; Prometheus (Debian's) runs the
 * service's command with its mounted prometheus.yml, the targets moved to where the services listen here; the
 * webhook is an {@link HttpReceiver} and the MQTT broker a {@link Mosquitto} on loopback. The trainer validates,
 * and publishes its first version, after {@value #PUBLISH_EVERY_STEPS} steps instead of the file's default 100
 * (which on 2 cores takes the trainer's limit of 2 minutes between validations).
 *
 * <p>Each service must answer its compose healthcheck within the time Compose gives it, the trainer publish a
 * model (to the models topic and to the models volume), the scorer score the ingested stream with it, the notifier
 * post the scorer's first episode, signed with the secret, and publish it to the MQTT broker, every Prometheus
 * target be up (one job per vad service) with the scorer's and notifier's metrics scraped, the broker hold only
 * topics the services created (the compose broker creates none on its own), the scorer store its evidence on the
 * volume mounted for it with the viewer answering its episode list, and each service stop on SIGTERM within its
 * stop grace period. A service that exits (a bad command or setting) fails the test at once, with what every
 * service printed. Not covered: the image build itself, Grafana, the Kafka container's own settings, user and file
 * permissions, and reaching a receiver outside the containers' network.
 */
class ComposeStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeStackIT.class);
    /** Prometheus' port in its container: its default listen address, which the compose command keeps. */
    private static final int PROMETHEUS_PORT = 9090;
    private static final Pattern ADVERTISED = Pattern.compile("\\w+://([\\w.-]+):(\\d+)");
    private static final Duration FIRST_MODEL = Duration.ofSeconds(360);
    private static final Duration FIRST_SCORES = Duration.ofSeconds(180);
    private static final Duration TARGETS_UP = Duration.ofSeconds(60);
    private static final Duration FIRST_EPISODE = Duration.ofSeconds(240);
    /** The profile of the notifier, which {@code docker compose up} without it does not start. */
    private static final String NOTIFY_PROFILE = "notify";
    private static final String PUBLISH_EVERY_STEPS = "10";
    private static final String WEBHOOK_SECRET = "Stack-Hook-7f3a";
    private static final String MQTT_USER = "vad-notifier";
    private static final String MQTT_PASSWORD = "Stack-Mqtt-2c9e";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theComposeServicesRunHealthyTrainPublishScoreNotifyAndArePrometheusTargets(@TempDir Path dir)
            throws Exception {
        VadImage image = VadImage.read(StackFiles.ROOT.resolve("Dockerfile"));
        assertThat(Path.of("target", "vad.jar")).as("the CLI jar (mvn package builds it)").exists();
        assertThat(Mosquitto.unavailableReason()).isEmpty();
        Path volumes = dir.resolve("volumes");

        try (HttpReceiver hook = HttpReceiver.start();
             Mosquitto mqtt = Mosquitto.withUser(MQTT_USER, MQTT_PASSWORD).start();
             KafkaBackend kafka = KafkaBackends.start(); RunningStack stack = new RunningStack()) {
            ComposeFile compose = ComposeFile.resolve(StackFiles.COMPOSE, Map.of(
                    "VAD_PUBLISH_EVERY_STEPS", PUBLISH_EVERY_STEPS,
                    "VAD_WEBHOOK_URL", hook.url("/vad"), "VAD_WEBHOOK_SECRET", WEBHOOK_SECRET,
                    "VAD_MQTT_URI", mqtt.uri(), "VAD_MQTT_USER", MQTT_USER, "VAD_MQTT_PASSWORD", MQTT_PASSWORD));
            List<ComposeService> vad = vadServices(compose);
            LoopbackNetwork network = new LoopbackNetwork(compose.services().stream().map(ComposeService::name)
                    .toList());
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

            assertTheNotifierPostsTheFirstEpisodeSigned(hook, stack, started);

            awaitEveryTargetUpAndTheScorerScraped(stack, network, vad);
            awaitTheNotifierScraped(stack);
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

    /**
     * The services built from the vad image that {@code docker compose --profile notify up} starts: all of them (the
     * notifier only with that profile, the others in every case).
     */
    private static List<ComposeService> vadServices(ComposeFile compose) {
        List<ComposeService> vad = compose.services().stream().filter(s -> s.image().startsWith("vad:")).toList();
        assertThat(vad).extracting(ComposeService::name).contains("ingest", "trainer", "scorer", "notifier");
        assertThat(vad).as("profiles of the vad services").allSatisfy(service -> assertThat(service.profiles())
                .as(service.name()).isSubsetOf(NOTIFY_PROFILE));
        assertThat(compose.service("notifier").profiles()).as("the notifier starts only with its profile")
                .containsExactly(NOTIFY_PROFILE);
        return vad;
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

    /** The scorer's first episode reaches the webhook from the notifier, signed with the secret from the shell. */
    private static void assertTheNotifierPostsTheFirstEpisodeSigned(HttpReceiver hook, RunningStack stack,
                                                                    Instant started) throws Exception {
        List<HttpReceiver.Request> posts = stack.await("an episode posted to the webhook", FIRST_EPISODE,
                hook::requests, list -> !list.isEmpty());
        LOG.info("the notifier posted the first episode {} s after the stack started",
                Duration.between(started, Instant.now()).toSeconds());
        HttpReceiver.Request post = posts.get(0);
        AnomalyEvent event = JsonCodec.events(WireLimits.DEFAULT).decode(post.body());

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/vad");
        assertThat(new WebhookSignature(WEBHOOK_SECRET).verify(post.body(), post.header(WebhookSignature.HEADER)))
                .as("the signature, keyed with VAD_WEBHOOK_SECRET").isTrue();
        assertThat(event.phase()).isEqualTo(AnomalyEvent.Phase.START);
        assertThat(stack.service("notifier").output()).as("the notifier's output")
                .noneMatch(line -> line.contains(WEBHOOK_SECRET) || line.contains(MQTT_PASSWORD));
    }

    /**
     * Both sinks delivered, as Prometheus scraped it from the notifier: the webhook, and the MQTT broker (its user
     * and password from the shell), which acknowledged the episode.
     */
    private static void awaitTheNotifierScraped(RunningStack stack) {
        stack.await("events delivered to the webhook and to the MQTT broker, in Prometheus", TARGETS_UP,
                () -> stack.prometheus().query("sum by (sink) (vad_notifier_delivered_total) > 0"),
                answer -> answer != null && sinks(answer).equals(Set.of("webhook", "mqtt")));
    }

    private static Set<String> sinks(JsonNode answer) {
        Set<String> sinks = new TreeSet<>();
        answer.path("data").path("result").forEach(series -> sinks.add(series.path("metric").path("sink").asText()));
        return sinks;
    }

    /** Every scrape target up, one job per vad service, and the scorer's windows counted in Prometheus. */
    private static void awaitEveryTargetUpAndTheScorerScraped(RunningStack stack, LoopbackNetwork network,
                                                              List<ComposeService> vad) {
        PrometheusServer prometheus = stack.prometheus();
        String closed = network.closed().isEmpty() ? "" : " (nothing listens on " + network.closed() + ")";
        JsonNode targets = stack.await("every Prometheus target up" + closed, TARGETS_UP, prometheus::targets,
                answer -> answer != null && !answer.path("data").path("activeTargets").isEmpty()
                        && allUp(answer.path("data").path("activeTargets")));
        List<String> jobs = new ArrayList<>();
        targets.path("data").path("activeTargets").forEach(t -> jobs.add(t.path("labels").path("job").asText()));
        assertThat(jobs).containsExactlyInAnyOrderElementsOf(vad.stream().map(ComposeService::name).toList());
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
