package dev.vad.scorer.viewer;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.vad.common.http.EndpointUrl;
import dev.vad.scorer.evidence.EvidenceStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live viewer's HTTP server: a page ({@code /}) showing, per stream, the current frame, its reconstruction and
 * error heat map side by side and the score over the last minutes with the threshold and events, with
 * {@code /api/streams} and {@code /image} ({@link StreamEndpoints}); the server-sent events it updates from
 * ({@code /api/events}, {@link EventStreamEndpoint}); and the stored episodes with their snapshots and clips
 * ({@code /api/episodes} and {@code /evidence}, {@link EpisodeEndpoints}). Every path is behind the settings'
 * access guard and one {@link RequestGate}, and served by a small pool of daemon threads.
 */
public final class ViewerServer implements AutoCloseable {

    /** Requests per second over all clients, and at once after a quiet spell (a page load takes about 5). */
    private static final int REQUESTS_PER_SECOND = 50;
    private static final int REQUEST_BURST = 100;

    private final HttpServer server;
    private final ExecutorService threads;
    private final EventStreamEndpoint events;
    private final String scheme;

    private ViewerServer(HttpServer server, ExecutorService threads, EventStreamEndpoint events, String scheme) {
        this.server = server;
        this.threads = threads;
        this.events = events;
        this.scheme = scheme;
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
        ExecutorService threads = Executors.newFixedThreadPool(EventStreamEndpoint.MAX_STREAMS + 2, runnable -> {
            Thread thread = new Thread(runnable, "vad-viewer");
            thread.setDaemon(true);
            return thread;
        });
        StreamEndpoints streams = new StreamEndpoints(state, settings.history().toMillis());
        EventStreamEndpoint events = new EventStreamEndpoint(state);
        EpisodeEndpoints episodes = new EpisodeEndpoints(evidence);
        RequestGate gate = new RequestGate(REQUESTS_PER_SECOND, REQUEST_BURST, System::nanoTime);
        Map<String, HttpHandler> handlers = Map.of("/", streams::page, "/api/streams", streams::streams,
                "/api/events", events::serve, "/image", streams::image, "/api/episodes", episodes::list,
                "/evidence", episodes::file);
        handlers.forEach((path, handler) -> {
            HttpContext context = settings.access().guard(server.createContext(path, handler), "vad viewer");
            context.getFilters().add(gate);
        });
        server.setExecutor(threads);
        server.start();
        return new ViewerServer(server, threads, events, settings.access().scheme());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return EndpointUrl.of(scheme, server.getAddress(), "/");
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
