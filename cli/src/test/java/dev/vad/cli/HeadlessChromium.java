package dev.vad.cli;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol from the JDK's WebSocket client: open a page,
 * evaluate JavaScript in it, take a screenshot. No browser download, no Node.js.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> events = new ConcurrentHashMap<>();
    /** The last message sent: a WebSocket takes one send at a time, so each waits for the one before. */
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium with a new empty profile under {@code profile} and attaches to its first page. */
    static HeadlessChromium start(Path profile) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile,
                    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("chromium is not installed; scripts/install-test-deps installs it ("
                    + e.getMessage() + ")", e);
        }
        int port = devToolsPort(process);
        HttpClient http = HttpClient.newHttpClient();
        String page;
        try {
            page = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> firstPage(http, port), Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("chromium opened no page to attach to", e);
        }
        HeadlessChromium[] self = new HeadlessChromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].received(message.toString());
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, socket);
        return self[0];
    }

    /** The DevTools address of the browser's first page, or null while it has none. */
    private static String firstPage(HttpClient http, int port) throws Exception {
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        return null;
    }

    /**
     * Answers every login prompt from now on as a user would: with this user and password, or by cancelling it
     * when the user is null (the page then shows the server's refusal).
     */
    void answerLoginPrompts(String user, String password) throws Exception {
        Map<String, String> answer = user == null ? Map.of("response", "CancelAuth")
                : Map.of("response", "ProvideCredentials", "username", user, "password", password);
        events.put("Fetch.requestPaused", event -> post("Fetch.continueRequest",
                Map.of("requestId", event.path("requestId").asText())));
        events.put("Fetch.authRequired", event -> post("Fetch.continueWithAuth",
                Map.of("requestId", event.path("requestId").asText(), "authChallengeResponse", answer)));
        call("Fetch.enable", Map.of("handleAuthRequests", true));
    }

    /** Loads {@code url} as the page's document and returns the HTTP status of its last response. */
    int status(String url) throws Exception {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        events.put("Network.responseReceived", event -> {
            JsonNode response = event.path("response");
            if ("Document".equals(event.path("type").asText()) && url.equals(response.path("url").asText())) {
                status.complete(response.path("status").asInt());
            }
        });
        call("Network.enable", Map.of());
        navigate(url);
        try {
            return status.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("chromium had no answer from " + url + " within 30 s", e);
        } finally {
            events.remove("Network.responseReceived");
        }
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression evaluated in the page. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    void screenshot(Path png) throws Exception {
        JsonNode result = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(result.path("data").asText()));
    }

    /**
     * Stops Chromium and every helper process it started (renderer, GPU, crash handler), which can outlive the
     * browser process for a moment and keep writing into the profile directory a caller is about to delete.
     */
    @Override
    public void close() throws InterruptedException {
        socket.abort();
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        helpers.forEach(ProcessHandle::destroy);
        for (ProcessHandle helper : helpers) {
            try {
                helper.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                helper.destroyForcibly();
            }
        }
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
        request.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        send(request).get(10, TimeUnit.SECONDS);
        JsonNode response = answer.get(30, TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new AssertionError(method + " failed: " + response.path("error"));
        }
        return response.path("result");
    }

    /** Sends a command without waiting for its answer (from an event handler, which must not block). */
    private void post(String method, Map<String, Object> params) {
        ObjectNode request = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", method);
        request.set("params", JSON.valueToTree(params));
        send(request);
    }

    private synchronized CompletableFuture<WebSocket> send(ObjectNode request) {
        String text = request.toString();
        sending = sending.handle((done, failed) -> null).thenCompose(ignored -> socket.sendText(text, true));
        return sending;
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            Consumer<JsonNode> handler = message.has("method") ? events.get(message.path("method").asText()) : null;
            if (handler != null) {
                handler.accept(message.path("params"));
            }
            CompletableFuture<JsonNode> answer = message.has("id") ? pending.remove(message.path("id").asInt())
                    : null;
            if (answer != null) {
                answer.complete(message);
            }
        } catch (IOException e) {
            pending.values().forEach(future -> future.completeExceptionally(e));
        }
    }

    private static int devToolsPort(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String line = err.readLine(); line != null && System.nanoTime() < deadline; line = err.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the browser is gone: nothing left to drain
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(matcher.group(1));
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new AssertionError("chromium did not open its DevTools port:\n" + seen);
    }
}
