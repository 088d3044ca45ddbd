package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vad.common.wire.ScoreState;
import dev.vad.scorer.images.FrameImages;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewerServerTest {

    private final ViewerFixtures fixtures = new ViewerFixtures();
    private final ViewerState state = new ViewerState(Duration.ofMinutes(5), 100, 8, fixtures.clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private ViewerServer server;

    @BeforeEach
    void start() {
        state.scored(ViewerFixtures.window("yard", 0), ViewerFixtures.score("yard", 0, 5.5, ScoreState.ANOMALOUS),
                ViewerFixtures.reconstruction("yard", 0));
        server = ViewerServer.start(new ViewerSettings("127.0.0.1", 0, Duration.ofMinutes(5)), state);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePageAndEachStreamWithItsPoints() throws Exception {
        HttpResponse<String> page = get("/", HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(get("/api/streams", HttpResponse.BodyHandlers.ofString())
                .body());
        JsonNode streams = body.path("streams");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>vad live viewer</title>", "EventSource(\"/api/events\")");
        assertThat(body.path("history_millis").asLong()).isEqualTo(300_000);
        assertThat(streams).hasSize(1);
        JsonNode yard = streams.get(0);
        assertThat(yard.path("stream").asText()).isEqualTo("yard");
        assertThat(yard.path("model_version").asLong()).isEqualTo(2);
        assertThat(yard.path("snapshot_seq").asLong()).isZero();
        assertThat(yard.path("points").get(0).path("calibrated").asDouble()).isEqualTo(5.5);
        assertThat(yard.path("points").get(0).path("state").asText()).isEqualTo("anomalous");
        assertThat(get("/nothing", HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void imagesArePngsOfTheFrameTheReconstructionAndTheHeatMap() throws Exception {
        BufferedImage frame = png("/image?stream=yard&kind=frame");
        BufferedImage reconstruction = png("/image?stream=yard&kind=reconstruction");
        BufferedImage heat = png("/image?stream=yard&kind=error");

        assertThat(frame.getWidth()).isEqualTo(ViewerFixtures.WIDTH);
        assertThat(frame.getHeight()).isEqualTo(ViewerFixtures.HEIGHT);
        assertThat(frame.getRGB(1, 1) & 0xffffff).isEqualTo(0xc8c8c8);
        assertThat(reconstruction.getRGB(1, 1) & 0xffffff).isEqualTo(0xbebebe);
        assertThat(heat.getRGB(0, 0) & 0xffffff).as("error 0.5, beyond full heat")
                .isEqualTo(FrameImages.heatColour(1.0));
        assertThat(heat.getRGB(1, 0) & 0xffffff).as("no error").isEqualTo(FrameImages.heatColour(0));
        assertThat(get("/image?stream=gate&kind=frame", HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theEventStreamSendsNewPointsAsTheyCome() throws Exception {
        HttpResponse<InputStream> events = get("/api/events", HttpResponse.BodyHandlers.ofInputStream());
        assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            JsonNode first = data(lines);
            state.scored(ViewerFixtures.window("yard", 1), ViewerFixtures.score("yard", 1, 1.0, ScoreState.NORMAL),
                    null);
            JsonNode second = data(lines);

            assertThat(first.path("points")).extracting(p -> p.path("seq").asLong()).containsExactly(0L);
            assertThat(second.path("points")).extracting(p -> p.path("seq").asLong()).containsExactly(1L);
        }
    }

    @Test
    void aPortInUseIsAClearError() {
        ViewerSettings taken = new ViewerSettings("127.0.0.1", server.port(), Duration.ofMinutes(5));

        assertThatThrownBy(() -> ViewerServer.start(taken, state)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot serve the viewer on 127.0.0.1:" + server.port())
                .hasMessageContaining("--viewer-port");
    }

    private static JsonNode data(BufferedReader lines) throws Exception {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("data: ")) {
                return new ObjectMapper().readTree(line.substring(6));
            }
        }
        throw new AssertionError("the event stream ended");
    }

    private BufferedImage png(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), body);
    }
}
