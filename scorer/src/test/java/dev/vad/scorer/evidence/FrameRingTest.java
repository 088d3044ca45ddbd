package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import org.junit.jupiter.api.Test;

class FrameRingTest {

    /** A window of 4x4 grey frames {@code first..first+count-1}, 100 ms apart, each filled with its index. */
    static FrameWindow window(long first, int count) {
        long[] indices = new long[count];
        long[] times = new long[count];
        byte[] pixels = new byte[count * 16];
        for (int f = 0; f < count; f++) {
            indices[f] = first + f;
            times[f] = (first + f) * 100_000;
            java.util.Arrays.fill(pixels, f * 16, (f + 1) * 16, (byte) (first + f));
        }
        return new FrameWindow("s", first, indices, times, TimestampKind.STREAM_TIME, 0, false, 4, 4,
                PixelFormat.GRAY8, pixels);
    }

    @Test
    void overlappingWindowsAddOnlyTheirNewFrames() {
        FrameRing ring = new FrameRing(10_000_000, 1 << 20);

        assertThat(ring.add(window(0, 8))).extracting(FrameRing.Frame::index).containsExactly(0L, 1L, 2L, 3L, 4L,
                5L, 6L, 7L);
        assertThat(ring.add(window(4, 8))).extracting(FrameRing.Frame::index).containsExactly(8L, 9L, 10L, 11L);
        assertThat(ring.since(0)).hasSize(12);
        assertThat(ring.since(0).get(9).pixels()[0]).isEqualTo((byte) 9);
        assertThat(ring.framesPerSecond(25)).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void keepsOnlyTheSpanAndTheBytesItIsAllowed() {
        FrameRing bySpan = new FrameRing(500_000, 1 << 20);
        bySpan.add(window(0, 20));
        assertThat(bySpan.since(0)).extracting(FrameRing.Frame::index).containsExactly(14L, 15L, 16L, 17L, 18L, 19L);

        FrameRing byBytes = new FrameRing(10_000_000, 5 * 16);
        byBytes.add(window(0, 20));
        assertThat(byBytes.since(0)).extracting(FrameRing.Frame::index).containsExactly(15L, 16L, 17L, 18L, 19L);
        assertThat(byBytes.bytes()).isEqualTo(5 * 16);
        assertThat(byBytes.since(1_700_000)).extracting(FrameRing.Frame::index).containsExactly(17L, 18L, 19L);
    }

    @Test
    void framesThatGoBackStartTheRingAfresh() {
        FrameRing ring = new FrameRing(10_000_000, 1 << 20);
        ring.add(window(100, 8));

        assertThat(ring.add(window(0, 4))).hasSize(4);
        assertThat(ring.since(0)).extracting(FrameRing.Frame::index).containsExactly(0L, 1L, 2L, 3L);
    }
}
