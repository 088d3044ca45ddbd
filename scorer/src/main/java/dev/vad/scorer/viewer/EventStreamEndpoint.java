package dev.vad.scorer.viewer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's server-sent events ({@code /api/events}): every quarter second, each stream's points that this
 * client has not had yet and its latest snapshot number ({@link StreamJson#event}), and a comment line after five
 * quiet seconds to keep the connection open. At most {@value #MAX_STREAMS} clients at once (each holds one of
 * the server's threads); one more gets 503. Each runs until it leaves or the viewer is closed.
 */
final class EventStreamEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamEndpoint.class);
    /** Event streams served at once; each holds one of the server's threads. */
    static final int MAX_STREAMS = 6;
    private static final long PUSH_MILLIS = 250;
    private static final long HEARTBEAT_MILLIS = 5_000;
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final ViewerState state;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private volatile boolean closed;

    EventStreamEndpoint(ViewerState state) {
        this.state = state;
    }

    void serve(HttpExchange exchange) throws IOException {
        if (!streams.tryAcquire()) {
            Responses.text(exchange, 503, "too many viewers at once\n");
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            push(exchange.getResponseBody());
        } catch (IOException e) {
            LOG.debug("a viewer left: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
        }
    }

    /** Ends every event stream at its next push. */
    void close() {
        closed = true;
    }

    private void push(OutputStream out) throws IOException, InterruptedException {
        Map<String, Long> sent = new HashMap<>();
        long lastWrite = System.nanoTime();
        while (!closed) {
            boolean wrote = writeNewPoints(out, sent);
            if (!wrote && System.nanoTime() - lastWrite > TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS)) {
                out.write(KEEP_ALIVE);
                wrote = true;
            }
            if (wrote) {
                out.flush();
                lastWrite = System.nanoTime();
            }
            Thread.sleep(PUSH_MILLIS);
        }
    }

    /** Writes an event for each stream with points after the last one {@code sent} it; returns whether any. */
    private boolean writeNewPoints(OutputStream out, Map<String, Long> sent) throws IOException {
        boolean wrote = false;
        for (ViewerState.StreamView view : state.heads()) {
            long after = sent.getOrDefault(view.stream(), -1L);
            List<ViewerState.Point> points = state.pointsAfter(view.stream(), after);
            if (points.isEmpty()) {
                continue;
            }
            sent.put(view.stream(), points.get(points.size() - 1).seq());
            out.write(StreamJson.event(new ViewerState.StreamView(view.stream(), view.model(), view.modelVersion(),
                    view.snapshot(), points)));
            wrote = true;
        }
        return wrote;
    }
}
