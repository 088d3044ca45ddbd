package dev.vad.common.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.Camera;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSamples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The registry's records folded into the current cameras (issue 24). */
class CameraTableTest {

    private final JsonCodec<Camera> codec = JsonCodec.cameras(WireLimits.DEFAULT);
    private final Camera sample = WireSamples.camera();
    private final CameraTable table = new CameraTable();

    @Test
    void aLaterRecordReplacesACameraAndATombstoneRemovesIt() {
        Camera changed = new Camera(1, sample.cameraId(), "synthetic:", 32, 32, sample.colour(), null, 4, null, null,
                sample.ignoreMasks(), false);

        table.apply(sample.cameraId(), codec.encode(sample), 0, 0);
        table.apply(sample.cameraId(), codec.encode(changed), 0, 1);
        assertThat(table.cameras()).containsExactlyEntriesOf(java.util.Map.of(sample.cameraId(), changed));

        table.apply(sample.cameraId(), null, 0, 2);
        assertThat(table.cameras()).isEmpty();
        assertThat(table.skipped()).isEmpty();
    }

    @Test
    void aValueThatIsNotACameraAKeyThatIsNotItsIdAndNoKeyAreSkippedChangingNothing() {
        table.apply(sample.cameraId(), codec.encode(sample), 0, 0);

        assertThat(table.apply(sample.cameraId(), "{\"schema_version\":7}".getBytes(StandardCharsets.UTF_8), 0, 1)
                .reason()).isEqualTo("unknown camera version 7, this build reads up to 1");
        assertThat(table.apply("porch", codec.encode(sample), 0, 2).reason())
                .isEqualTo("the key names camera porch but the value camera front-door");
        assertThat(table.apply(null, codec.encode(sample), 0, 3).reason()).isEqualTo("record without a camera id key");

        assertThat(table.cameras()).containsOnlyKeys(sample.cameraId()).containsValue(sample);
        assertThat(table.skipped()).extracting(CameraTable.Skipped::offset).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aCameraItsCheckFindsProblemsWithIsSkippedAndTheCameraBeforeItStays() {
        CameraTable checked = new CameraTable(CameraRules::problems);
        Camera tooSmall = new Camera(1, sample.cameraId(), "synthetic:", 4, 32, sample.colour(), null, 4, null, null,
                java.util.List.of(), true);

        checked.apply(sample.cameraId(), codec.encode(sample), 0, 0);
        assertThat(checked.apply(sample.cameraId(), codec.encode(tooSmall), 0, 1).reason())
                .startsWith("camera front-door: width: expected");
        assertThat(checked.cameras()).containsExactlyEntriesOf(java.util.Map.of(sample.cameraId(), sample));
        assertThat(new CameraTable().apply(sample.cameraId(), codec.encode(tooSmall), 0, 0)).isNull();
    }
}
