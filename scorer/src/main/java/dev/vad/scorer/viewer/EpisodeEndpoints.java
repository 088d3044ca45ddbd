package dev.vad.scorer.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import dev.vad.scorer.evidence.EvidenceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The viewer's episodes: {@code /api/episodes} lists each stream's newest stored episodes (JSON), and
 * {@code /evidence?episode=ID&file=snapshot|clip} serves an episode's snapshot (JPEG) or clip (MP4). Files are
 * found through the evidence store's index by episode id, never by a path from the request; without an evidence
 * directory the list is empty and every file is 404.
 */
final class EpisodeEndpoints {

    /** Episodes listed per stream, newest first, and streams listed at most. */
    static final int EPISODES_PER_STREAM = 20;
    static final int MAX_STREAMS = 100;
    /** The longest episode id a request may name: a stream id, a colon and a frame index. */
    static final int MAX_EPISODE_ID_CHARS = StreamEndpoints.MAX_STREAM_ID_CHARS + 21;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final EvidenceStore store;

    EpisodeEndpoints(EvidenceStore store) {
        this.store = store;
    }

    void list(HttpExchange exchange) throws IOException {
        List<Map<String, Object>> streams = store == null ? List.of() : store.streams().stream().limit(MAX_STREAMS)
                .map(stream -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("stream", stream);
                    entry.put("episodes", store.episodes(stream, EPISODES_PER_STREAM).stream()
                            .map(EpisodeEndpoints::describe).toList());
                    return entry;
                }).toList();
        Responses.respond(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("streams", streams)));
    }

    void file(HttpExchange exchange) throws IOException {
        Map<String, String> query = QueryString.of(exchange, "episode", MAX_EPISODE_ID_CHARS, "an episode id")
                .orElse(null);
        if (query == null) {
            return;
        }
        String episode = query.getOrDefault("episode", "");
        String kind = query.getOrDefault("file", "");
        String name = kind.equals("snapshot") ? EvidenceStore.SNAPSHOT : kind.equals("clip") ? EvidenceStore.CLIP : null;
        Optional<Path> file = store == null || name == null ? Optional.empty() : store.file(episode, name);
        if (file.isEmpty()) {
            Responses.text(exchange, 404, "no such episode or file (file is snapshot or clip)\n");
            return;
        }
        send(exchange, file.get(), name.equals(EvidenceStore.SNAPSHOT) ? "image/jpeg" : "video/mp4");
    }

    private static void send(HttpExchange exchange, Path file, String type) throws IOException {
        try (exchange; InputStream in = Files.newInputStream(file)) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
            exchange.sendResponseHeaders(200, Files.size(file));
            OutputStream out = exchange.getResponseBody();
            in.transferTo(out);
        }
    }

    private static Map<String, Object> describe(EvidenceStore.Episode e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("episode", e.eventId());
        out.put("first_frame_index", e.firstFrameIndex());
        out.put("first_capture_micros", e.firstCaptureMicros());
        out.put("stored_at_micros", e.storedAtMicros());
        out.put("peak_score", e.peakScore());
        out.put("snapshot", e.snapshot());
        out.put("clip", e.clip());
        return out;
    }
}
