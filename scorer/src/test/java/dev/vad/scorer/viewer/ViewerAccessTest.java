package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.wire.ScoreState;
import dev.vad.testkit.SelfSignedKeystore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can see the viewer, and what hostile requests get from it. */
class ViewerAccessTest {

    private static final List<String> PATHS = List.of("/", "/api/streams", "/api/events",
            "/image?stream=yard&kind=frame");

    private final ViewerFixtures fixtures = new ViewerFixtures();
    private final ViewerState state = new ViewerState(Duration.ofMinutes(5), 100, 8, fixtures.clock);
    private final HttpClient http = HttpClient.newHttpClient();

    ViewerAccessTest() {
        state.scored(ViewerFixtures.window("yard", 0), ViewerFixtures.score("yard", 0, 5.5, ScoreState.ANOMALOUS),
                ViewerFixtures.reconstruction("yard", 0));
    }

    @Test
    void aViewerWithAPasswordOverHttpsServesNothingWithoutIt(@TempDir Path dir) throws Exception {
        SelfSignedKeystore keystore = SelfSignedKeystore.create(dir, "keystore-pw");
        ConfigReader config = new ConfigReader(Map.of("viewer-port", "0", "viewer-user", "operator",
                "viewer-tls-keystore", keystore.file().toString()),
                Map.of("VAD_VIEWER_PASSWORD", "night-shift", "VAD_VIEWER_TLS_PASSWORD", "keystore-pw"));
        ViewerSettings settings = ViewerSettings.load(config, 0);
        config.validate();
        HttpClient https = HttpClient.newBuilder().sslContext(keystore.trustingClient()).build();

        try (ViewerServer server = ViewerServer.start(settings, state)) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            for (String path : PATHS) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                        .timeout(Duration.ofSeconds(10));
                HttpResponse<Void> anonymous = https.send(request.build(), HttpResponse.BodyHandlers.discarding());
                HttpResponse<Void> wrong = https.send(request.copy().header("Authorization",
                        basic("operator", "day-shift")).build(), HttpResponse.BodyHandlers.discarding());
                HttpResponse<java.io.InputStream> right = https.send(request.copy().header("Authorization",
                        basic("operator", "night-shift")).build(), HttpResponse.BodyHandlers.ofInputStream());
                right.body().close();

                assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
                assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path)
                        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"vad viewer\""));
                assertThat(wrong.statusCode()).as(path).isEqualTo(401);
                assertThat(right.statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void hostileQueriesAndPathsGetAClearRefusalAndNoInjectedHeader() throws Exception {
        try (ViewerServer server = ViewerServer.start(new ViewerSettings("127.0.0.1", 0, Duration.ofMinutes(5)),
                state)) {
            String base = "http://127.0.0.1:" + server.port();

            assertThat(status(base + "/image?stream=" + "y".repeat(300) + "&kind=frame")).isEqualTo(400);
            assertThat(rawStatus(server.port(), "/image?stream=%zz&kind=frame")).isEqualTo(400);
            assertThat(status(base + "/image?stream=..%2F..%2Fetc%2Fpasswd&kind=frame")).isEqualTo(404);
            assertThat(status(base + "/image?stream=yard&kind=..%2F..%2Fetc%2Fpasswd")).isEqualTo(404);
            assertThat(status(base + "/index.html%00.png")).isEqualTo(404);
            assertThat(status(base + "/api/streams?" + "x=1&".repeat(600))).isEqualTo(414);
            HttpResponse<Void> injected = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/image?stream=yard%0d%0aSet-Cookie:%20stolen=1&kind=frame")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(injected.statusCode()).isEqualTo(404);
            assertThat(injected.headers().map()).doesNotContainKey("set-cookie");
            HttpResponse<Void> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/streams"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(post.statusCode()).isEqualTo(405);
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void aFloodOfRequestsIsRefusedWithRetryAfterAndTheViewerStaysUp() throws Exception {
        try (ViewerServer server = ViewerServer.start(new ViewerSettings("127.0.0.1", 0, Duration.ofMinutes(5)),
                state)) {
            String streams = "http://127.0.0.1:" + server.port() + "/api/streams";
            List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(streams)).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            List<HttpResponse<Void>> refused = new ArrayList<>();
            for (var response : sent) {
                if (response.join().statusCode() == 429) {
                    refused.add(response.join());
                }
            }

            assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After"))
                    .hasValue("1"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(streams) == 200);
        }
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status of a request sent as raw bytes, for request targets a URI class refuses to build. */
    private static int rawStatus(int port, String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
