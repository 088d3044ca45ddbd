package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live viewer behind its password in a real headless Chromium against a running demo: without the password the
 * page is refused; with it the page's three images load again and again as new windows are reconstructed, the score
 * plot fills, the scene's first anomaly (frame 750) is listed as an episode with its snapshot from the evidence
 * directory, and a screenshot is kept as {@code cli/target/viewer/viewer.png}.
 */
class ViewerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The page's state as JSON; empty until the page's document is there (navigation may still be going on). */
    private static final String PAGE_STATE = "(() => {"
            + "const status = document.getElementById('status');"
            + "if (!document.body || !status) return JSON.stringify({messages: 0, loads: [], widths: [], points: []});"
            + "return JSON.stringify({"
            + "messages: Number(document.body.dataset.messages),"
            + "loads: [...document.querySelectorAll('.stream .images img')].map(i => Number(i.dataset.loads)),"
            + "widths: [...document.querySelectorAll('.stream .images img')].map(i => i.naturalWidth),"
            + "points: [...document.querySelectorAll('.stream canvas')].map(c => Number(c.dataset.points)),"
            + "status: status.textContent})})()";
    /** The snapshots of the episodes the page lists: how often each loaded and its decoded width. */
    private static final String EPISODES = "JSON.stringify([...document.querySelectorAll('.episode img.snapshot')]"
            + ".map(i => ({loads: Number(i.dataset.loads), width: i.naturalWidth,"
            + " episode: i.closest('.episode').dataset.episode})))";

    @Test
    void thePageShowsFramesReconstructionsHeatMapsTheScorePlotUpdatingLiveAndEpisodes(@TempDir Path profile,
                                                                                       @TempDir Path evidence)
            throws Exception {
        int port = FreePorts.one();
        String url = "http://127.0.0.1:" + port + "/";
        String password = UUID.randomUUID().toString();
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                ("vad:" + password).getBytes(StandardCharsets.UTF_8));
        try (VadProcess demo = VadProcess.start(Map.of("VAD_VIEWER_PASSWORD", password), "demo", "--source",
                "synthetic:?fps=50", "--duration", "300s", "--preset", "compact", "--metrics-port-base", "-1",
                "--viewer-port", String.valueOf(port), "--evidence-dir", evidence.toString())) {
            awaitReconstruction(url, authorization, demo);
            try (HeadlessChromium chromium = HeadlessChromium.start(profile)) {
                chromium.answerLoginPrompts(null, null);
                assertThat(chromium.status(url)).as("the page, its login prompt cancelled").isEqualTo(401);
                chromium.answerLoginPrompts("vad", password);
                assertThat(chromium.status(url)).as("the page, the password given").isEqualTo(200);
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
                assertThat(episodes).as("an episode listed with its snapshot loaded (256 px wide)").isNotEmpty()
                        .anyMatch(e -> e.path("loads").asInt() >= 1 && e.path("width").asInt() == 256
                                && e.path("episode").asText().startsWith("synthetic:"));
                BufferedImage shot = ImageIO.read(screenshot.toFile());
                assertThat(shot.getWidth()).isEqualTo(1280);
            }
            assertThat(demo.output()).contains("viewer at " + url + " (user vad)")
                    .noneMatch(line -> line.contains(password));
            assertThat(demo.terminate(60)).isNotEqualTo(-1);
        }
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
        return awaitOnPage(chromium, PAGE_STATE, JSON.createObjectNode(), ViewerIT::ready);
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
