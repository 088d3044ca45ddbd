package dev.vad.scorer.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.vad.common.http.EndpointUrl;
import dev.vad.scorer.evidence.EvidenceStore;
import dev.vad.scorer.images.FrameImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live viewer: a page ({@code /}) showing, per stream, the current frame, its reconstruction and error heat
 * map side by side and the score over the last minutes with the threshold and events; it updates from a
 * server-sent event stream ({@code /api/events}). Also {@code /api/streams} (JSON), {@code /image} (PNG), and the
 * stored episodes with their snapshots and clips ({@link EpisodeEndpoints}).
 */
public final class ViewerServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerServer.class);
    private static final long PUSH_MILLIS = 250;
    private static final long HEARTBEAT_MILLIS = 5_000;
    /** Requests per second over all clients, and at once after a quiet spell (a page load takes about 5). */
    private static final int REQUESTS_PER_SECOND = 50;
    private static final int REQUEST_BURST = 100;
    /** The longest stream id a request may name (ids are Kafka keys; longer ones are refused, not looked up). */
    static final int MAX_STREAM_ID_CHARS = 256;
    /** Event streams served at once; each holds one of the server's threads. */
    private static final int MAX_EVENT_STREAMS = 6;
    static final String TEXT = "text/plain; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final HttpServer server;
    private final ExecutorService threads;
    private final ViewerState state;
    private final long historyMillis;
    private final Semaphore eventStreams = new Semaphore(MAX_EVENT_STREAMS);
    private final byte[] page;
    private final String scheme;
    private volatile boolean closed;

    private ViewerServer(HttpServer server, ExecutorService threads, ViewerState state, long historyMillis,
                         String scheme) {
        this.server = server;
        this.scheme = scheme;
        this.threads = threads;
        this.state = state;
        this.historyMillis = historyMillis;
        this.page = resource("index.html");
    }

    /**
     * Starts serving on the configured address.
     *
     * @throws IllegalStateException when the address cannot be bound (e.g. the port is in use)
     */
    public static ViewerServer start(ViewerSettings settings, ViewerState state) {
        return start(settings, state, null);
    }

    /**
     * Starts serving on the configured address, with the episodes stored in {@code evidence} (or none when null).
     *
     * @throws IllegalStateException when the address cannot be bound (e.g. the port is in use)
     */
    public static ViewerServer start(ViewerSettings settings, ViewerState state, EvidenceStore evidence) {
        HttpServer server;
        try {
            server = settings.access().create(new InetSocketAddress(settings.bindAddress(),
                    Math.max(settings.port(), 0)), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the viewer on " + settings.bindAddress() + ":"
                    + settings.port() + " (" + e.getMessage() + "); choose another --viewer-port", e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(MAX_EVENT_STREAMS + 2, runnable -> {
            Thread thread = new Thread(runnable, "vad-viewer");
            thread.setDaemon(true);
            return thread;
        });
        ViewerServer viewer = new ViewerServer(server, threads, state, settings.history().toMillis(),
                settings.access().scheme());
        RequestGate gate = new RequestGate(REQUESTS_PER_SECOND, REQUEST_BURST, System::nanoTime);
        EpisodeEndpoints episodes = new EpisodeEndpoints(evidence);
        Map<String, HttpHandler> handlers = Map.of("/", viewer::page, "/api/streams", viewer::streams,
                "/api/events", viewer::events, "/image", viewer::image, "/api/episodes", episodes::list,
                "/evidence", episodes::file);
        handlers.forEach((path, handler) -> {
            HttpContext context = settings.access().guard(server.createContext(path, handler), "vad viewer");
            context.getFilters().add(gate);
        });
        server.setExecutor(threads);
        server.start();
        return viewer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return EndpointUrl.of(scheme, server.getAddress(), "/");
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, 200, "text/html; charset=utf-8", page);
    }

    private void streams(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("history_millis", historyMillis,
                "streams", state.streams().stream().map(ViewerServer::describe).toList())));
    }

    private void image(HttpExchange exchange) throws IOException {
        Map<String, String> query;
        try {
            query = query(exchange.getRequestURI());
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "text/plain; charset=utf-8", "malformed query\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String stream = query.getOrDefault("stream", "");
        if (stream.length() > MAX_STREAM_ID_CHARS) {
            respond(exchange, 400, "text/plain; charset=utf-8", ("a stream id is at most " + MAX_STREAM_ID_CHARS
                    + " characters\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<ViewerState.Snapshot> found = state.snapshot(stream);
        String kind = query.getOrDefault("kind", "");
        if (found.isEmpty() || !List.of("frame", "reconstruction", "error").contains(kind)) {
            respond(exchange, 404, "text/plain; charset=utf-8",
                    "no such stream or image (kind is frame, reconstruction or error)\n"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        ViewerState.Snapshot s = found.get();
        byte[] png = switch (kind) {
            case "frame" -> FrameImages.framePng(s.frame(), s.width(), s.height(), s.format());
            case "reconstruction" -> FrameImages.framePng(s.reconstruction(), s.width(), s.height(), s.format());
            default -> FrameImages.heatPng(s.error(), s.width(), s.height());
        };
        respond(exchange, 200, "image/png", png);
    }

    /** Server-sent events: every quarter second, each stream's new points and its latest snapshot number. */
    private void events(HttpExchange exchange) throws IOException {
        if (!eventStreams.tryAcquire()) {
            respond(exchange, 503, "text/plain; charset=utf-8",
                    "too many viewers at once\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            Map<String, Long> sent = new HashMap<>();
            long lastWrite = System.nanoTime();
            while (!closed) {
                boolean wrote = false;
                for (ViewerState.StreamView view : state.heads()) {
                    long after = sent.getOrDefault(view.stream(), -1L);
                    List<ViewerState.Point> points = state.pointsAfter(view.stream(), after);
                    if (points.isEmpty()) {
                        continue;
                    }
                    sent.put(view.stream(), points.get(points.size() - 1).seq());
                    Map<String, Object> update = describe(new ViewerState.StreamView(view.stream(), view.model(),
                            view.modelVersion(), view.snapshot(), points));
                    out.write(("data: " + JSON.writeValueAsString(update) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    wrote = true;
                }
                if (!wrote && System.nanoTime() - lastWrite > TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS)) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    wrote = true;
                }
                if (wrote) {
                    out.flush();
                    lastWrite = System.nanoTime();
                }
                Thread.sleep(PUSH_MILLIS);
            }
        } catch (IOException e) {
            LOG.debug("a viewer left: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            eventStreams.release();
        }
    }

    private static Map<String, Object> describe(ViewerState.StreamView view) {
        Map<String, Object> out = new HashMap<>();
        out.put("stream", view.stream());
        out.put("model", view.model());
        out.put("model_version", view.modelVersion());
        out.put("snapshot_seq", view.snapshot() == null ? -1 : view.snapshot().seq());
        out.put("snapshot_frame", view.snapshot() == null ? -1 : view.snapshot().frameIndex());
        out.put("points", view.points());
        return out;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ViewerServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("viewer resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
