package dev.vad.scorer.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams as the viewer's JSON has them (snake case): a stream is its id, model, model version, the number and
 * frame of its latest snapshot ({@code -1} without one) and its points. {@code /api/streams} lists them all with
 * the history they span; a server-sent event carries one with its new points.
 */
final class StreamJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private StreamJson() {
    }

    /** The body of {@code /api/streams}. */
    static byte[] streams(long historyMillis, List<ViewerState.StreamView> streams) throws JsonProcessingException {
        return JSON.writeValueAsBytes(Map.of("history_millis", historyMillis,
                "streams", streams.stream().map(StreamJson::describe).toList()));
    }

    /** One server-sent event: a {@code data:} line with the stream, and the blank line that ends it. */
    static byte[] event(ViewerState.StreamView view) throws JsonProcessingException {
        return ("data: " + JSON.writeValueAsString(describe(view)) + "\n\n").getBytes(StandardCharsets.UTF_8);
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
}
