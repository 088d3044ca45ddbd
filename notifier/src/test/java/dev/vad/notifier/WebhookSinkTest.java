package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook sink against a real HTTP server on loopback. */
class WebhookSinkTest {

    private static final String SECRET = "hook-s3cret";

    private final AtomicInteger status = new AtomicInteger(204);
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer server = receiver();
    private final byte[] body = JsonCodec.events(WireLimits.DEFAULT)
            .encode(Events.of("e-42", AnomalyEvent.Phase.START, "gate", 110));
    private final Notification notification = new Notification(Events.of("e-42", AnomalyEvent.Phase.START, "gate",
            110), body, "vad.events-3-17");

    private HttpServer receiver() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            http.createContext("/hook", exchange -> {
                try (exchange) {
                    bodies.add(exchange.getRequestBody().readAllBytes());
                    headers.add(Map.copyOf(exchange.getRequestHeaders()));
                    if (exchange.getRequestURI().getQuery() != null) {
                        Thread.sleep(1_000);
                    }
                    exchange.sendResponseHeaders(status.get(), -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookSink sink(String path, Duration timeout) {
        WebhookSettings settings = new WebhookSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + path), SECRET, timeout);
        return new WebhookSink(settings, WebhookSink.client(settings));
    }

    @Test
    void postsTheBodySignedWithTheEventAndDeliveryIds() {
        AttemptResult result = sink("/hook", Duration.ofSeconds(5)).attempt(notification);

        assertThat(result.outcome()).isEqualTo(AttemptResult.Outcome.DELIVERED);
        assertThat(result.detail()).isEqualTo("HTTP 204 from http://127.0.0.1:" + server.getAddress().getPort()
                + "/…");
        assertThat(bodies).singleElement().isEqualTo(body);
        Map<String, List<String>> sent = headers.get(0);
        assertThat(new WebhookSignature(SECRET).verify(bodies.get(0), sent.get("X-vad-signature").get(0))).isTrue();
        assertThat(sent.get("Content-type")).containsExactly("application/json");
        assertThat(sent.get("X-vad-event-id")).containsExactly("e-42");
        assertThat(sent.get("X-vad-delivery-id")).containsExactly("vad.events-3-17");
    }

    /** 408, 429, 5xx and redirects may change on another try; any other 4xx will not. */
    @ParameterizedTest
    @CsvSource({"408, FAILED", "429, FAILED", "500, FAILED", "502, FAILED", "503, FAILED", "302, FAILED",
        "400, REJECTED", "401, REJECTED", "403, REJECTED", "404, REJECTED", "410, REJECTED", "413, REJECTED"})
    void answersOtherThan2xxFailTheAttemptOrRejectTheEventForGood(int code, AttemptResult.Outcome expected) {
        status.set(code);

        AttemptResult result = sink("/hook", Duration.ofSeconds(5)).attempt(notification);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.detail()).startsWith("HTTP " + code + " from ");
    }

    @Test
    void aReceiverThatIsDownOrTooSlowFailsTheAttempt() {
        AttemptResult slow = sink("/hook?slow", Duration.ofMillis(200)).attempt(notification);
        server.stop(0);
        AttemptResult down = sink("/hook", Duration.ofSeconds(2)).attempt(notification);

        assertThat(slow.outcome()).isEqualTo(AttemptResult.Outcome.FAILED);
        assertThat(slow.detail()).contains("no answer from http://127.0.0.1:").contains("within 200 ms")
                .doesNotContain("slow");
        assertThat(down.outcome()).isEqualTo(AttemptResult.Outcome.FAILED);
        assertThat(down.detail()).startsWith("cannot reach http://127.0.0.1:").contains("ConnectException");
    }
}
