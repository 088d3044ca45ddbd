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

    @Test
    void aRecordWithoutEvidenceIsWrittenAsVersionOneWithoutAnEvidenceField() {
        String json = new String(events.encode(WireSamples.anomalyEvent()), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"schema_version\":1,").doesNotContain("evidence");
    }

    @Test
    void aRecordWithEvidenceIsVersionTwoAndNamesItsFiles() {
        String json = new String(events.encode(WireSamples.anomalyEventWithEvidence()), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"schema_version\":2,")
                .endsWith(",\"evidence\":{\"snapshot\":\"cam-1/14/snapshot.jpg\",\"clip\":\"cam-1/14/clip.mp4\"}}");
    }

    @Test
    void evidenceWithoutAClipLeavesTheClipOut() {
        AnomalyEvent start = WireSamples.anomalyEvent()
                .withEvidence(new AnomalyEvent.Evidence("cam-1/14/snapshot.jpg", null));

        String json = new String(events.encode(start), StandardCharsets.UTF_8);

        assertThat(json).contains("\"evidence\":{\"snapshot\":\"cam-1/14/snapshot.jpg\"}");
        assertThat(events.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(start);
    }

    @Test
    void aVersionOneRecordDecodesWithoutEvidenceEvenWhenItHasAFieldOfThatName() {
        String json = new String(events.encode(WireSamples.anomalyEvent()), StandardCharsets.UTF_8)
                .replace("}", ",\"evidence\":{\"snapshot\":\"x.jpg\"}}");

        AnomalyEvent decoded = events.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.evidence()).isNull();
        assertThat(decoded).isEqualTo(WireSamples.anomalyEvent());
    }

    @Test
    void decodeRejectsAnEventVersionNewerThanTwo() {
        String json = new String(events.encode(WireSamples.anomalyEventWithEvidence()), StandardCharsets.UTF_8)
                .replace("{\"schema_version\":2,", "{\"schema_version\":3,");

        assertThatThrownBy(() -> events.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown anomaly event version 3, this build reads up to 2");
    }

    @Test
    void evidenceNeedsVersionTwo() {
        AnomalyEvent plain = WireSamples.anomalyEvent();

        assertThatThrownBy(() -> new AnomalyEvent(1, plain.eventId(), plain.phase(), plain.kind(), plain.streamId(),
                plain.firstFrameIndex(), plain.lastFrameIndex(), plain.firstCaptureMicros(), plain.lastCaptureMicros(),
                plain.peakScore(), plain.peakFrameIndex(), plain.modelName(), plain.modelVersion(),
                plain.emittedAtMicros(), new AnomalyEvent.Evidence("a.jpg", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidence needs schema version 2");
    }

    @Test
    void aVersionTwoRecordMayLeaveItsEvidenceOut() {
        String json = new String(events.encode(WireSamples.anomalyEvent()), StandardCharsets.UTF_8)
                .replace("{\"schema_version\":1,", "{\"schema_version\":2,");

        AnomalyEvent decoded = events.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.schemaVersion()).isEqualTo(2);
        assertThat(decoded.evidence()).isNull();
    }
}
