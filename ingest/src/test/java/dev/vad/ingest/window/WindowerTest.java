package dev.vad.ingest.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowerTest {

    private static Windower windower(int frames, int stride, TailPolicy tail) {
        return new Windower("cam", new WindowShape(frames, stride, tail), 2, 1, PixelFormat.GRAY8,
                TimestampKind.STREAM_TIME);
    }

    /** Frame n has pixels {n, n+100} and capture time n*40 ms. */
    private static List<FrameWindow> feed(Windower windower, long from, long to) {
        List<FrameWindow> out = new ArrayList<>();
        for (long n = from; n < to; n++) {
            windower.add(n, n * 40_000, new byte[] {(byte) n, (byte) (n + 100)}).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void tumblingWindowsCoverEveryFrameOnceInOrder() {
        List<FrameWindow> windows = feed(windower(4, 4, TailPolicy.FULL), 0, 12);

        assertThat(windows).extracting(FrameWindow::sequence).containsExactly(0L, 1L, 2L);
        assertThat(windows).extracting(FrameWindow::firstFrameIndex).containsExactly(0L, 4L, 8L);
        FrameWindow second = windows.get(1);
        assertThat(second.frameIndices()).containsExactly(4, 5, 6, 7);
        assertThat(second.captureTimesMicros()).containsExactly(160_000, 200_000, 240_000, 280_000);
        assertThat(second.pixels()).containsExactly(4, 104, 5, 105, 6, 106, 7, 107);
        assertThat(second.endOfStream()).isFalse();
    }

    @Test
    void overlappingWindowsStartEveryStrideFrames() {
        List<FrameWindow> windows = feed(windower(4, 2, TailPolicy.FULL), 0, 10);

        assertThat(windows).extracting(FrameWindow::firstFrameIndex).containsExactly(0L, 2L, 4L, 6L);
        assertThat(windows.get(3).frameIndices()).containsExactly(6, 7, 8, 9);
    }

    @Test
    void fullTailRepeatsTheLastWindowSizeToCoverTheRemainingFrames() {
        Windower w = windower(4, 4, TailPolicy.FULL);
        feed(w, 0, 10);

        FrameWindow tail = w.finish().orElseThrow();

        assertThat(tail.frameIndices()).containsExactly(6, 7, 8, 9);
        assertThat(tail.endOfStream()).isTrue();
        assertThat(tail.sequence()).isEqualTo(2);
    }

    @Test
    void partialTailHoldsOnlyTheUncoveredFrames() {
        Windower w = windower(4, 4, TailPolicy.PARTIAL);
        feed(w, 0, 10);

        FrameWindow tail = w.finish().orElseThrow();

        assertThat(tail.frameIndices()).containsExactly(8, 9);
        assertThat(tail.pixels()).containsExactly(8, 108, 9, 109);
    }

    @Test
    void dropTailPublishesNothingAndCountsTheDroppedFrames() {
        Windower w = windower(4, 4, TailPolicy.DROP);
        feed(w, 0, 10);

        assertThat(w.finish()).isEmpty();
        assertThat(w.droppedAtEnd()).isEqualTo(2);
    }

    @Test
    void aSourceShorterThanOneWindowGivesOneShortWindow() {
        Windower w = windower(8, 8, TailPolicy.FULL);
        assertThat(feed(w, 0, 3)).isEmpty();

        assertThat(w.finish().orElseThrow().frameIndices()).containsExactly(0, 1, 2);
    }

    @Test
    void noTailWhenTheLastWindowEndedOnTheLastFrame() {
        Windower w = windower(4, 4, TailPolicy.FULL);
        feed(w, 0, 8);

        assertThat(w.finish()).isEmpty();
    }

    @Test
    void aGapDiscardsUnwindowedFramesAndReportsThemWithTheLostOnesOnTheNextWindow() {
        Windower w = windower(4, 4, TailPolicy.FULL);
        feed(w, 0, 6);

        int discarded = w.gap(25);
        List<FrameWindow> after = feed(w, 31, 35);

        assertThat(discarded).isEqualTo(2);
        assertThat(after).singleElement().satisfies(window -> {
            assertThat(window.sequence()).isEqualTo(1);
            assertThat(window.framesLostBefore()).isEqualTo(27);
            assertThat(window.frameIndices()).containsExactly(31, 32, 33, 34);
        });
        assertThat(feed(w, 35, 39)).singleElement().extracting(FrameWindow::framesLostBefore).isEqualTo(0L);
    }

    @Test
    void windowsOwnTheirPixelsEvenWhenTheCallerReusesItsBuffer() {
        Windower w = windower(2, 2, TailPolicy.FULL);
        byte[] buffer = new byte[2];
        buffer[0] = 1;
        w.add(0, 0, buffer);
        buffer[0] = 2;
        FrameWindow window = w.add(1, 1, buffer).orElseThrow();
        buffer[0] = 3;

        assertThat(window.pixels()).containsExactly(1, 0, 2, 0);
    }

    @Test
    void shapeRefusesAStrideLongerThanTheWindow() {
        assertThatThrownBy(() -> new WindowShape(4, 5, TailPolicy.FULL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 <= stride <= frames, found 4 frames with stride 5");
    }
}
