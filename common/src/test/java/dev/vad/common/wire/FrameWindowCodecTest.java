package dev.vad.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameWindowCodecTest {

    private final FrameWindowCodec codec = new FrameWindowCodec();

    @Test
    void decodeRejectsAbsurdDimensionsBeforeAllocating() {
        byte[] bytes = codec.encode(WireSamples.frameWindow());
        // frame count, width and height follow the fixed part and the 5-byte stream id "cam-1"
        int countAt = 8 + 4 + 5 + 16;
        ByteBuffer.wrap(bytes).putInt(countAt, 4000).putInt(countAt + 4, 16_000).putInt(countAt + 8, 16_000);

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("window of 4000 frames of 16000x16000x1 needs 1024000000000 bytes")
                .hasMessageContaining("more than the cap of " + WireLimits.DEFAULT.maxWindowPixelBytes());
    }

    @Test
    void decodeRejectsNegativeAndZeroSizes() {
        byte[] bytes = codec.encode(WireSamples.frameWindow());
        int widthAt = 8 + 4 + 5 + 16 + 4;
        ByteBuffer.wrap(bytes).putInt(widthAt, -4);

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("frame size -4x3 is outside");
    }

    @Test
    void decodeRejectsTrailingBytes() {
        byte[] bytes = codec.encode(WireSamples.frameWindow());
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> codec.decode(longer))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("3 unexpected trailing bytes");
    }

    @Test
    void decodeRejectsAnUnknownPixelFormat() {
        byte[] bytes = codec.encode(WireSamples.frameWindow());
        bytes[7] = 42;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown pixel format id 42");
    }

    @Test
    void endOfStreamAndStreamTimeSurviveTheRoundTrip() {
        FrameWindow sample = WireSamples.frameWindow();
        FrameWindow last = new FrameWindow(sample.streamId(), 9, new long[] {20}, new long[] {800_000},
                TimestampKind.STREAM_TIME, 0, true, 4, 3, PixelFormat.GRAY8, new byte[12]);

        FrameWindow decoded = codec.decode(codec.encode(last));

        assertThat(decoded.endOfStream()).isTrue();
        assertThat(decoded.timestampKind()).isEqualTo(TimestampKind.STREAM_TIME);
        assertThat(decoded.frameCount()).isEqualTo(1);
    }

    @Test
    void windowRefusesPixelsThatDoNotMatchItsShape() {
        assertThatThrownBy(() -> new FrameWindow("s", 0, new long[] {0}, new long[] {0}, TimestampKind.WALL_CLOCK, 0,
                false, 4, 4, PixelFormat.RGB24, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 48 pixel bytes (1 frames of 4x4x3), found 16");
    }

    @Test
    void encodeRefusesAWindowLargerThanTheRecordCap() {
        FrameWindowCodec tight = new FrameWindowCodec(new WireLimits(64, 64, 8, 64, 4096, 64));

        assertThatThrownBy(() -> tight.encode(WireSamples.frameWindow()))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("more than the cap of 64");
    }
}
