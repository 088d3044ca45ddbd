package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.testkit.HttpReceiver;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook sink against a real HTTP server on loopback. */
class WebhookSinkTest {

    private static final String SECRET = "hook-s3cret";

    private final HttpReceiver receiver = start();
    private final AnomalyEvent event = Events.of("e-42", AnomalyEvent.Phase.START, "gate", 110);
    private final byte[] body = JsonCodec.events(WireLimits.DEFAULT).encode(event);
    private final Notification notification = new Notification(event, body, "vad.events-3-17");

    private static HttpReceiver start() {
        try {
            return HttpReceiver.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookSink sink(String path, Duration timeout) {
        WebhookSettings settings = new WebhookSettings(URI.create(receiver.url(path)), SECRET, timeout);
        return new WebhookSink(settings, WebhookSink.client(settings));
    }

    @Test
    void postsTheBodySignedWithTheEventAndDeliveryIds() {
        AttemptResult result = sink("/hook?token=t0k3n", Duration.ofSeconds(5)).attempt(notification);

        assertThat(result.outcome()).isEqualTo(AttemptResult.Outcome.DELIVERED);
        assertThat(result.detail()).isEqualTo("HTTP 204 from " + receiver.url("/…")).doesNotContain("t0k3n");
        assertThat(receiver.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/hook?token=t0k3n");
            assertThat(request.body()).isEqualTo(body);
            assertThat(new WebhookSignature(SECRET).verify(body, request.header("X-Vad-Signature"))).isTrue();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Vad-Event-Id")).isEqualTo("e-42");
            assertThat(request.header("X-Vad-Delivery-Id")).isEqualTo("vad.events-3-17");
        });
    }

    /** 408, 429, 5xx and redirects may change on another try; any other 4xx will not. */
    @ParameterizedTest
    @CsvSource({"408, FAILED", "429, FAILED", "500, FAILED", "502, FAILED", "503, FAILED", "302, FAILED",
        "400, REJECTED", "401, REJECTED", "403, REJECTED", "404, REJECTED", "410, REJECTED", "413, REJECTED"})
    void answersOtherThan2xxFailTheAttemptOrRejectTheEventForGood(int code, AttemptResult.Outcome expected) {
        receiver.answer(code);

        AttemptResult result = sink("/hook", Duration.ofSeconds(5)).attempt(notification);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.detail()).startsWith("HTTP " + code + " from ");
    }

    @Test
    void aReceiverThatIsTooSlowOrDownFailsTheAttempt() {
        receiver.delay(Duration.ofSeconds(1));
        AttemptResult slow = sink("/hook", Duration.ofMillis(200)).attempt(notification);
        receiver.close();
        AttemptResult down = sink("/hook", Duration.ofSeconds(2)).attempt(notification);

        assertThat(slow.outcome()).isEqualTo(AttemptResult.Outcome.FAILED);
        assertThat(slow.detail()).isEqualTo("no answer from " + receiver.url("/…") + " within 200 ms");
        assertThat(down.outcome()).isEqualTo(AttemptResult.Outcome.FAILED);
        assertThat(down.detail()).startsWith("cannot reach " + receiver.url("/…")).contains("ConnectException");
    }
}
