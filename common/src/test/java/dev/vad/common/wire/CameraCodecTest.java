package dev.vad.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camera registry's records (issue 24): versioned JSON, optional fields may be left out. */
class CameraCodecTest {

    private final JsonCodec<Camera> cameras = JsonCodec.cameras(WireLimits.DEFAULT);

    @Test
    void masksAreWrittenAsListsOfXyPairsAndColourInLowercase() {
        String json = new String(cameras.encode(WireSamples.camera()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"colour\":\"rgb\"", "\"ignore_masks\":[[[0.0,0.0],[0.25,0.0],[0.25,0.5]]]");
    }

    @Test
    void optionalFieldsLeftOutAreNoneAndTheCameraIsEnabled() {
        String json = "{\"schema_version\":1,\"camera_id\":\"gate\",\"source\":\"synthetic:\",\"width\":64,"
                + "\"height\":64,\"colour\":\"grey\",\"window_frames\":8}";

        Camera camera = cameras.decode(bytes(json));

        assertThat(camera).isEqualTo(new Camera(1, "gate", "synthetic:", 64, 64, CameraColour.GREY, null, 8, null,
                null, List.of(), true));
    }

    @Test
    void decodeRejectsAnUnknownVersion() {
        String json = new String(cameras.encode(WireSamples.camera()), StandardCharsets.UTF_8)
                .replace("\"schema_version\":1", "\"schema_version\":2");

        assertThatThrownBy(() -> cameras.decode(bytes(json))).isInstanceOf(WireFormatException.class)
                .hasMessage("unknown camera version 2, this build reads up to 1");
    }

    @Test
    void decodeRejectsAMissingIdAnUnknownColourAndAPointThatIsNotAPair() {
        String sample = new String(cameras.encode(WireSamples.camera()), StandardCharsets.UTF_8);

        for (String json : List.of(sample.replace("\"camera_id\":\"front-door\",", ""),
                sample.replace("\"rgb\"", "\"sepia\""), sample.replace("[0.25,0.5]", "[0.25]"), "[]", "{")) {
            assertThatThrownBy(() -> cameras.decode(bytes(json))).as(json).isInstanceOf(WireFormatException.class);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
