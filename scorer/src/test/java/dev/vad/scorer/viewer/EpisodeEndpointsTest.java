package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vad.scorer.evidence.EvidenceStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeEndpointsTest {

    @TempDir
    Path dir;

    private final ViewerFixtures fixtures = new ViewerFixtures();
    private final ViewerState state = new ViewerState(Duration.ofMinutes(5), 100, 8, fixtures.clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private ViewerServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private EvidenceStore storeWithOneEpisode() throws Exception {
        EvidenceStore store = EvidenceStore.open(dir.resolve("evidence"), fixtures.clock);
        store.started(new EvidenceStore.Episode("gate/1:750", "gate/1", 750, 30_000_000, 0, 6.5, false, false));
        store.storeSnapshot("gate/1:750", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        Files.writeString(dir.resolve("secret.txt"), "not evidence");
        return store;
    }

    @Test
    void listsEachStreamsEpisodesAndServesTheirSnapshotsByIdOnly() throws Exception {
        server = ViewerServer.start(new ViewerSettings("127.0.0.1", 0, Duration.ofMinutes(5)), state,
                storeWithOneEpisode());

        JsonNode list = new ObjectMapper().readTree(get("/api/episodes").body());
        HttpResponse<byte[]> snapshot = getBytes("/evidence?episode=gate%2F1%3A750&file=snapshot");

        JsonNode episode = list.path("streams").get(0).path("episodes").get(0);
        assertThat(list.path("streams").get(0).path("stream").asText()).isEqualTo("gate/1");
        assertThat(episode.path("episode").asText()).isEqualTo("gate/1:750");
        assertThat(episode.path("peak_score").asDouble()).isEqualTo(6.5);
        assertThat(episode.path("snapshot").asBoolean()).isTrue();
        assertThat(episode.path("clip").asBoolean()).isFalse();
        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(snapshot.body()).containsExactly(0xff, 0xd8, 1, 2);
        assertThat(get("/evidence?episode=gate%2F1%3A750&file=clip").statusCode()).as("no clip yet").isEqualTo(404);
        assertThat(get("/evidence?episode=nope&file=snapshot").statusCode()).isEqualTo(404);
        assertThat(get("/evidence?episode=gate%2F1%3A750&file=..%2F..%2Fsecret.txt").statusCode()).isEqualTo(404);
        assertThat(get("/evidence?episode=" + "x".repeat(400) + "&file=snapshot").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutEvidenceTheListIsEmptyAndFilesAreNotFound() throws Exception {
        server = ViewerServer.start(new ViewerSettings("127.0.0.1", 0, Duration.ofMinutes(5)), state);

        assertThat(new ObjectMapper().readTree(get("/api/episodes").body()).path("streams")).isEmpty();
        assertThat(get("/evidence?episode=a%3A1&file=snapshot").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
