package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamJsonTest {

    private static final ViewerState.Point POINT = new ViewerState.Point(3, 7, 1000, 0.01, 5.5, 4.0, "anomalous");

    @Test
    void anEventIsOneDataLineEndedByABlankLine() throws Exception {
        String event = new String(StreamJson.event(new ViewerState.StreamView("yard", "conv3d", 2, null,
                List.of(POINT))), StandardCharsets.UTF_8);

        assertThat(event).startsWith("data: {").endsWith("}\n\n");
        assertThat(event.indexOf('\n')).as("one line").isEqualTo(event.length() - 2);
        JsonNode stream = new ObjectMapper().readTree(event.substring(6));
        assertThat(stream.path("stream").asText()).isEqualTo("yard");
        assertThat(stream.path("model_version").asLong()).isEqualTo(2);
        assertThat(stream.path("snapshot_seq").asLong()).as("no snapshot yet").isEqualTo(-1);
        assertThat(stream.path("snapshot_frame").asLong()).isEqualTo(-1);
        assertThat(stream.path("points").get(0).path("frame_index").asLong()).isEqualTo(7);
    }

    @Test
    void theStreamListCarriesTheHistoryItSpans() throws Exception {
        JsonNode body = new ObjectMapper().readTree(StreamJson.streams(300_000, List.of()));

        assertThat(body.path("history_millis").asLong()).isEqualTo(300_000);
        assertThat(body.path("streams")).isEmpty();
    }
}
