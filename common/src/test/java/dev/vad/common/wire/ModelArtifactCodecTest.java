package dev.vad.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelArtifactCodecTest {

    private final ModelArtifactCodec codec = new ModelArtifactCodec();

    @Test
    void decodeRejectsAFlippedByteWithAChecksumError() {
        byte[] bytes = codec.encode(WireSamples.modelArtifact());
        bytes[bytes.length - 6] ^= 0x40;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("corrupt model artifact: expected checksum");
    }

    @Test
    void headerIsReadableJsonWithSnakeCaseNames() {
        String text = new String(codec.encode(WireSamples.modelArtifact()), StandardCharsets.UTF_8);

        assertThat(text).contains("\"name\":\"street\"", "\"input_shape\":[1,8,64,64]", "\"trained_on\":[",
                "\"from_offset\":0", "\"calibration\":{\"frame_mean\":");
    }

    @Test
    void headerRefusesAWindowOfAnotherShapeNamingBoth() {
        ModelHeader header = WireSamples.modelArtifact().header();

        assertThatThrownBy(() -> header.requireWindowShape(8, 128, 64, PixelFormat.GRAY8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model street@3 expects windows of 8 frames of 64x64 GRAY8,"
                        + " found 8 frames of 128x64 GRAY8");
    }

    @Test
    void headerAcceptsTheShapeItWasTrainedOn() {
        WireSamples.modelArtifact().header().requireWindowShape(8, 64, 64, PixelFormat.GRAY8);
    }
}
