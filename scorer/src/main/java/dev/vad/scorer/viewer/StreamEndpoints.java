package dev.vad.scorer.viewer;

import com.sun.net.httpserver.HttpExchange;
import dev.vad.scorer.images.FrameImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The viewer's live streams: the page ({@code /}, anything below it is 404), {@code /api/streams} (each stream
 * with its points, {@link StreamJson}) and {@code /image?stream=ID&kind=frame|reconstruction|error} (a PNG of the
 * stream's latest snapshot: its frame, the reconstruction or the error heat map).
 */
final class StreamEndpoints {

    /** The longest stream id a request may name (ids are Kafka keys; longer ones are refused, not looked up). */
    static final int MAX_STREAM_ID_CHARS = 256;

    private final ViewerState state;
    private final long historyMillis;
    private final byte[] page;

    /** @throws IllegalStateException when the page is missing from the build */
    StreamEndpoints(ViewerState state, long historyMillis) {
        this.state = state;
        this.historyMillis = historyMillis;
        this.page = resource("index.html");
    }

    void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            Responses.text(exchange, 404, "not found\n");
            return;
        }
        Responses.respond(exchange, 200, "text/html; charset=utf-8", page);
    }

    void streams(HttpExchange exchange) throws IOException {
        Responses.respond(exchange, 200, "application/json", StreamJson.streams(historyMillis, state.streams()));
    }

    void image(HttpExchange exchange) throws IOException {
        Map<String, String> query = QueryString.of(exchange, "stream", MAX_STREAM_ID_CHARS, "a stream id")
                .orElse(null);
        if (query == null) {
            return;
        }
        Optional<ViewerState.Snapshot> found = state.snapshot(query.getOrDefault("stream", ""));
        String kind = query.getOrDefault("kind", "");
        if (found.isEmpty() || !List.of("frame", "reconstruction", "error").contains(kind)) {
            Responses.text(exchange, 404, "no such stream or image (kind is frame, reconstruction or error)\n");
            return;
        }
        ViewerState.Snapshot s = found.get();
        byte[] png = switch (kind) {
            case "frame" -> FrameImages.framePng(s.frame(), s.width(), s.height(), s.format(), s.ignored());
            case "reconstruction" -> FrameImages.framePng(s.reconstruction(), s.width(), s.height(), s.format(),
                    s.ignored());
            default -> FrameImages.heatPng(s.error(), s.width(), s.height());
        };
        Responses.respond(exchange, 200, "image/png", png);
    }

    private static byte[] resource(String name) {
        try (InputStream in = StreamEndpoints.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("viewer resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
