package dev.vad.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec<ScoreRecord> scores = JsonCodec.scores(WireLimits.DEFAULT);
    private final JsonCodec<AnomalyEvent> events = JsonCodec.events(WireLimits.DEFAULT);

    @Test
    void scoresAreSnakeCaseJsonWithLowercaseStates() {
        String json = new String(scores.encode(WireSamples.scoreRecord()), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"schema_version\":1,\"stream_id\":\"cam-1\"")
                .contains("\"state\":\"anomalous\"", "\"timestamp_kind\":\"wall_clock\"", "\"patch_error\":0.05");
    }

    @Test
    void eventsNameTheirPhaseAndKindInLowercase() {
        String json = new String(events.encode(WireSamples.anomalyEvent()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"phase\":\"start\"", "\"kind\":\"anomaly\"", "\"peak_score\":4.25");
    }

    @Test
    void decodeIgnoresFieldsAddedByALaterBuildOfTheSameVersion() {
        String json = new String(scores.encode(WireSamples.scoreRecord()), StandardCharsets.UTF_8)
                .replace("{\"schema_version\":1,", "{\"schema_version\":1,\"added_later\":true,");

        assertThat(scores.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(WireSamples.scoreRecord());
    }

    @Test
    void decodeRejectsARecordWithoutSchemaVersion() {
        assertThatThrownBy(() -> scores.decode("{\"stream_id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("no integer schema_version field, found none");
    }

    @Test
    void decodeRejectsAMissingRequiredField() {
        String json = "{\"schema_version\":1,\"event_id\":\"e\",\"phase\":\"start\"}";

        assertThatThrownBy(() -> events.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("malformed anomaly event record");
    }

    @Test
    void decodeRejectsAnUnknownPhase() {
        String json = new String(events.encode(WireSamples.anomalyEvent()), StandardCharsets.UTF_8)
                .replace("\"phase\":\"start\"", "\"phase\":\"paused\"");

        assertThatThrownBy(() -> events.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("paused");
    }
}
