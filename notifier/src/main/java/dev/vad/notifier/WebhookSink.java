package dev.vad.notifier;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * POSTs each event's JSON to the webhook, signed ({@link WebhookSignature}). A 2xx answer delivers it. 408, 429,
 * 5xx, any other non-2xx answer outside 4xx (a redirect is not followed), a refused connection or a time-out fail
 * the attempt, so it is retried. Any other 4xx rejects the event at once: the receiver has said it will not take
 * this request (bad request, unauthorised, gone), and sending the same bytes with the same signature again cannot
 * change that, so it goes to the dead-letter topic without waiting through the retries.
 */
public final class WebhookSink implements Sink {

    public static final String NAME = "webhook";

    private final WebhookSettings settings;
    private final WebhookSignature signature;
    private final HttpClient client;
    private final String shownUrl;

    /** @param client the HTTP client (built at the edge, with its own connect time-out and executor) */
    public WebhookSink(WebhookSettings settings, HttpClient client) {
        this.settings = settings;
        this.signature = new WebhookSignature(settings.secret());
        this.client = client;
        this.shownUrl = WebhookSettings.shown(settings.url().toString());
    }

    /** A client that connects within the webhook's time-out and never follows redirects. */
    public static HttpClient client(WebhookSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AttemptResult attempt(Notification notification) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "vad-notifier")
                .header(WebhookSignature.HEADER, signature.sign(notification.body()))
                .header("X-Vad-Event-Id", notification.event().eventId())
                .header("X-Vad-Delivery-Id", notification.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return AttemptResult.failed("no answer from " + shownUrl + " within " + settings.timeout().toMillis()
                    + " ms");
        } catch (IOException e) {
            return AttemptResult.failed("cannot reach " + shownUrl + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptResult.failed("interrupted while posting to " + shownUrl);
        }
        String said = "HTTP " + status + " from " + shownUrl;
        if (status >= 200 && status < 300) {
            return AttemptResult.delivered(said);
        }
        return retryable(status) ? AttemptResult.failed(said) : AttemptResult.rejected(said);
    }

    /** Whether another try may get a different answer: anything but a 4xx other than 408 and 429. */
    static boolean retryable(int status) {
        return status < 400 || status >= 500 || status == 408 || status == 429;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    @Override
    public void close() {
        // The JDK's client holds no connection between requests that needs closing on Java 17.
    }

    @Override
    public String toString() {
        return "webhook " + shownUrl;
    }
}
