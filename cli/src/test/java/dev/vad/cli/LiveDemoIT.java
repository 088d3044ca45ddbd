package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code vad demo} playing the synthetic scene in real time (embedded broker, ingest, trainer, scorer), watched
 * the ways its users watch it:
 * <ul>
 *   <li>every panel query of the shipped dashboards returns data (the evidence panels too: the demo stores
 *       evidence in a temporary directory), through a real Prometheus whose config is the repository's with its
 *       targets moved to loopback, each dashboard expression evaluated through Prometheus' HTTP API, and the
 *       Anomalies dashboard's episode annotation marks an episode of the scene (a range query, as Grafana runs it);
 *       the notifier's dashboard is checked against a running notifier ({@code NotifyProcessIT});</li>
 *   <li>the live viewer, behind its password, in a real headless Chromium: without the password the page is
 *       refused; with it the page's three images load again and again as new windows are reconstructed, the score
 *       plot fills, an anomaly of the scene is listed as an episode with its snapshot from the evidence directory,
 *       and a screenshot is kept as {@code cli/target/viewer/viewer.png}.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(240);
    /** The Anomalies dashboard's default time range, over which Grafana runs its annotation query. */
    private static final Duration DASHBOARD_RANGE = Duration.ofMinutes(15);
    /** The id ingest gives the synthetic scene when no {@code --stream-id} is given. */
    private static final String STREAM = "synthetic";
    private static final String PAGE_STATE = "(() => {"
            + "const status = document.getElementById('status');"
            + "if (!document.body || !status) return JSON.stringify({messages: 0, loads: [], widths: [], points: []});"
            + "return JSON.stringify({"
            + "messages: Number(document.body.dataset.messages),"
            + "loads: [...document.querySelectorAll('.stream .images img')].map(i => Number(i.dataset.loads)),"
            + "widths: [...document.querySelectorAll('.stream .images img')].map(i => i.naturalWidth),"
            + "points: [...document.querySelectorAll('.stream canvas')].map(c => Number(c.dataset.points)),"
            + "cameras: [...document.querySelectorAll('#camera option')].map(o => o.value),"
            + "status: status.textContent})})()";
    /** Which stream cards show with another camera picked, then with all of them. */
    private static final String PICKED = "(() => {"
            + "const shown = () => [...document.querySelectorAll('.stream')].map(s => !s.hidden);"
            + "pick('" + STREAM + "'); const one = shown(); pick('elsewhere'); const other = shown(); pick('');"
            + "return JSON.stringify({one, other, all: shown()})})()";
    /** The snapshots of the episodes the page lists: how often each loaded and its decoded width. */
    private static final String EPISODES = "JSON.stringify([...document.querySelectorAll('.episode img.snapshot')]"
            + ".map(i => ({loads: Number(i.dataset.loads), width: i.naturalWidth,"
            + " episode: i.closest('.episode').dataset.episode})))";

    @TempDir
    static Path dir;
    private PrometheusServer prometheus;
    private VadProcess demo;
    private String viewerUrl;
    private String password;

    @BeforeAll
    void startTheDemoAndPrometheus() throws Exception {
        int metricsBase = FreePorts.consecutive(3);
        int viewerPort = FreePorts.one();
        viewerUrl = "http://127.0.0.1:" + viewerPort + "/";
        password = UUID.randomUUID().toString();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, loopbackConfig(metricsBase));
        prometheus = PrometheusServer.start(List.of("--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data")), dir.resolve("prometheus.log"));
        // Anomalies of 2 s (200 frames at 100 fps): an episode stays open across Prometheus' 1 s scrapes, so the
        // annotation of open episodes has one to mark; the scene's default half-second ones may open and close
        // between two scrapes.
        demo = VadProcess.start(Map.of("VAD_VIEWER_PASSWORD", password), "demo", "--source",
                "synthetic:?fps=100&anomaly-length=200",
                "--preset", "compact", "--duration", PATIENCE.plusSeconds(60).toSeconds() + "s",
                "--metrics-port-base", String.valueOf(metricsBase), "--viewer-port", String.valueOf(viewerPort),
                "--evidence-dir", dir.resolve("evidence").toString());
        sendOneUnreadableWindow(awaitBroker(demo));
    }

    @AfterAll
    void stopTheDemoAndPrometheus() throws Exception {
        try {
            assertThat(demo.terminate(60)).as("the demo stops on SIGTERM").isNotEqualTo(-1);
            assertThat(demo.output()).as("the demo's output").noneMatch(line -> line.contains(password));
        } finally {
            demo.close();
            prometheus.close();
        }
    }

    @Test
    void everyDashboardQueryReturnsDataFromTheRunningServices() {
        Map<StackFiles.PanelQuery, String> missing = awaitData(prometheus, demo);

        assertThat(missing).as("dashboard queries without data after " + PATIENCE.toSeconds() + " s")
                .isEmpty();
    }

    @Test
    void theViewerAsksForItsPasswordThenShowsFramesReconstructionsHeatMapsTheScorePlotAndEpisodesLive(@TempDir Path profile)
            throws Exception {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                ("vad:" + password).getBytes(StandardCharsets.UTF_8));
        awaitReconstruction(viewerUrl, authorization, demo);
        try (HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            chromium.answerLoginPrompts(null, null);
            assertThat(chromium.status(viewerUrl)).as("the page, its login prompt cancelled").isEqualTo(401);
            chromium.answerLoginPrompts("vad", password);
            assertThat(chromium.status(viewerUrl)).as("the page, the password given").isEqualTo(200);
            JsonNode state = awaitPage(chromium);
            JsonNode episodes = awaitEpisode(chromium);
            Path screenshot = Path.of("target", "viewer", "viewer.png");
            chromium.screenshot(screenshot);

            assertThat(state.path("messages").asInt()).as(state.toString()).isGreaterThanOrEqualTo(3);
            assertThat(state.path("loads")).as("frame, reconstruction and heat map, each reloaded")
                    .hasSize(3).allMatch(loads -> loads.asInt() >= 2);
            assertThat(state.path("widths")).as("images decoded at the stream's 64x64")
                    .allMatch(width -> width.asInt() == 64);
            assertThat(state.path("points").path(0).asInt()).as("points on the score plot")
                    .isGreaterThanOrEqualTo(10);
            assertThat(state.path("cameras")).extracting(JsonNode::asText).as("the camera picker")
                    .containsExactly("", STREAM);
            JsonNode picked = JSON.readTree(chromium.evaluate(PICKED).asText());
            assertThat(picked.path("one")).as("the camera picked shows").allMatch(JsonNode::asBoolean);
            assertThat(picked.path("other")).as("another camera picked hides it").noneMatch(JsonNode::asBoolean);
            assertThat(picked.path("all")).isNotEmpty().allMatch(JsonNode::asBoolean);
            assertThat(episodes).as("an episode listed with its snapshot loaded (256 px wide)").isNotEmpty()
                    .anyMatch(e -> e.path("loads").asInt() >= 1 && e.path("width").asInt() == 256
                            && e.path("episode").asText().startsWith(STREAM + ":"));
            BufferedImage shot = ImageIO.read(screenshot.toFile());
            assertThat(shot.getWidth()).isEqualTo(1280);
        }
        assertThat(demo.output()).contains("viewer at " + viewerUrl + " (user vad)");
    }

    /** The repository's scrape config, same jobs, targets on the demo's loopback ports, scraped every second. */
    private static String loopbackConfig(int metricsBase) throws IOException {
        String config = Files.readString(StackFiles.PROMETHEUS)
                .replace("scrape_interval: 5s", "scrape_interval: 1s")
                .replace("\"ingest:9401\"", "\"127.0.0.1:" + metricsBase + "\"")
                .replace("\"trainer:9402\"", "\"127.0.0.1:" + (metricsBase + 1) + "\"")
                .replace("\"scorer:9403\"", "\"127.0.0.1:" + (metricsBase + 2) + "\"");
        assertThat(config).contains("127.0.0.1:" + metricsBase, "127.0.0.1:" + (metricsBase + 2), "1s");
        return config;
    }

    private static String awaitBroker(VadProcess demo) {
        String prefix = "embedded Kafka broker at ";
        try {
            return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> demo.output().stream().filter(line -> line.startsWith(prefix)).findFirst(),
                            Optional::isPresent)
                    .orElseThrow().substring(prefix.length()).trim();
        } catch (ConditionTimeoutException e) {
            return fail("the demo did not start its broker: " + demo.output());
        }
    }

    /**
     * A record no service can read, so the dead-letter panels have something to show; sent once the demo has
     * created the frames topic (sent earlier, it would have the broker create the topic on its own).
     *
     * <p>It is keyed by the demo's stream, so it lies in that stream's partition among its first windows, where the
     * trainer and the scorer both read it in order. Under another key it went to another of the topic's six
     * partitions, and a consumer hands out the records of one partition's fetched batch before those of the next:
     * the trainer (fit-then-freeze) could take its training windows from the stream's partition and stop before
     * it, and the scorer, starting behind a backlog of a minute of windows, reached it only once it had scored the
     * whole backlog, which on a loaded machine took longer than the dashboards are waited for.
     */
    private static void sendOneUnreadableWindow(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            await().alias("the demo creates vad.frames").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.listTopics().names().get().contains("vad.frames"));
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("vad.frames", STREAM.getBytes(StandardCharsets.UTF_8),
                    "not a frame window".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /**
     * Polls every query until each returns a series (an annotation's over the dashboard's last 15 minutes, as
     * Grafana asks it); those still without one at the end, with the answer.
     */
    private static Map<StackFiles.PanelQuery, String> awaitData(PrometheusServer prometheus, VadProcess demo) {
        List<StackFiles.PanelQuery> queries = StackFiles.queries();
        assertThat(queries).hasSizeGreaterThan(40);
        Map<StackFiles.PanelQuery, String> missing = new LinkedHashMap<>();
        queries.forEach(query -> missing.put(query, "not asked yet"));
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (StackFiles.PanelQuery query : new ArrayList<>(missing.keySet())) {
                    String expr = asGrafanaSendsIt(query.expr());
                    JsonNode answer = query.annotation() ? prometheus.queryRange(expr, DASHBOARD_RANGE, query.step())
                            : prometheus.query(expr);
                    if (answer == null) {
                        missing.put(query, "Prometheus not answering yet");
                    } else if (!"success".equals(answer.path("status").asText())) {
                        fail("query refused by Prometheus: " + query + " -> " + answer);
                    } else if (answer.path("data").path("result").isEmpty()) {
                        missing.put(query, answer.toString());
                    } else {
                        missing.remove(query);
                    }
                }
                return missing.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            System.out.println(String.join("\n", demo.output()));
        }
        return missing;
    }

    /** The query as Grafana sends it for the default variables. */
    private static String asGrafanaSendsIt(String expr) {
        return expr.replace("$__rate_interval", "15s").replace("$__range", "5m").replace("$stream", ".*");
    }

    /** Waits until the scorer has a model and the viewer holds a reconstructed window. */
    private static void awaitReconstruction(String url, String authorization, VadProcess demo) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        JsonNode streams = JSON.readTree(http.send(HttpRequest.newBuilder(
                                URI.create(url + "api/streams")).header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString())
                                .body()).path("streams");
                        return streams.size() > 0 && streams.get(0).path("snapshot_seq").asLong(-1) >= 0;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no reconstructed window on the viewer after 180 s:\n"
                    + String.join("\n", demo.output()), e);
        }
    }

    /**
     * The page's state once its images have each loaded twice and show their pixels, three event messages came and
     * the plot has ten points, or as it is after a minute (the assertions then say what is missing).
     */
    private static JsonNode awaitPage(HeadlessChromium chromium) {
        return awaitOnPage(chromium, PAGE_STATE, JSON.createObjectNode(), LiveDemoIT::ready);
    }

    /** The page's episodes once one has its snapshot loaded, or as they are after a minute. */
    private static JsonNode awaitEpisode(HeadlessChromium chromium) {
        return awaitOnPage(chromium, EPISODES, JSON.createArrayNode(), episodes -> {
            for (JsonNode e : episodes) {
                if (e.path("loads").asInt() >= 1 && e.path("width").asInt() == 256) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * What {@code expression} (JSON text) says once {@code done} holds for it, or after a minute. While the page is
     * between documents (navigation) the question fails and is asked again.
     */
    private static JsonNode awaitOnPage(HeadlessChromium chromium, String expression, JsonNode none,
                                        Predicate<JsonNode> done) {
        AtomicReference<JsonNode> state = new AtomicReference<>(none);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        state.set(JSON.readTree(chromium.evaluate(expression).asText()));
                        return done.test(state.get());
                    });
        } catch (ConditionTimeoutException e) {
            // the caller's assertions report what the page lacks
        }
        return state.get();
    }

    private static boolean ready(JsonNode state) {
        boolean reloaded = state.path("loads").size() == 3;
        for (JsonNode loads : state.path("loads")) {
            reloaded &= loads.asInt() >= 2;
        }
        // an image whose next version is still on its way shows no width for that moment: ask again then
        boolean decoded = state.path("widths").size() == 3;
        for (JsonNode width : state.path("widths")) {
            decoded &= width.asInt() == 64;
        }
        return reloaded && decoded && state.path("messages").asInt() >= 3
                && state.path("points").path(0).asInt() >= 10;
    }
}
