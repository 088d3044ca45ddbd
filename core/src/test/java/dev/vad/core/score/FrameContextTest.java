package dev.vad.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FrameContextTest {

    private static final int SIDE = 2;

    /** Frames {@code first..first+length-1} of a stream, each frame's pixels its index (mod 256). */
    private static FrameWindow window(long first, int length) {
        long[] indices = LongStream.range(first, first + length).toArray();
        byte[] pixels = new byte[length * SIDE * SIDE];
        for (int f = 0; f < length; f++) {
            Arrays.fill(pixels, f * SIDE * SIDE, (f + 1) * SIDE * SIDE, (byte) indices[f]);
        }
        return new FrameWindow("s", first, indices, indices.clone(), TimestampKind.STREAM_TIME, 0, false, SIDE, SIDE,
                PixelFormat.GRAY8, pixels);
    }

    private static long[] frameOf(FrameContext.Tile tile) {
        return tile.window().frameIndices();
    }

    @Test
    void aStreamsFirstWindowScoresTheFramesAfterItsContextFromTheWindowAlone() {
        FrameContext.Plan plan = new FrameContext().plan(window(0, 8), 4);

        assertThat(plan.scoredFrom()).isEqualTo(4);
        assertThat(plan.tiles()).extracting(FrameContext.Tile::offset).containsExactly(0);
    }

    @Test
    void aWindowFollowingTheLastOneIsScoredWholeFromATileStartingInTheKeptFrames() {
        FrameContext context = new FrameContext();
        context.plan(window(0, 8), 4);

        FrameContext.Plan plan = context.plan(window(8, 8), 4);

        assertThat(plan.scoredFrom()).isZero();
        assertThat(plan.tiles()).extracting(FrameContext.Tile::offset).containsExactly(-4, 0);
        FrameContext.Tile kept = plan.tiles().get(0);
        assertThat(frameOf(kept)).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
        for (int f = 0; f < 8; f++) {
            assertThat(kept.window().pixels()[f * SIDE * SIDE]).as("frame %d's pixels", f).isEqualTo((byte) (4 + f));
        }
        assertThat(kept.window().captureTimesMicros()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void longWindowsTakeOneTilePerPredictedStretch() {
        FrameContext context = new FrameContext();
        context.plan(window(0, 16), 4);

        FrameContext.Plan plan = context.plan(window(16, 16), 4);

        assertThat(plan.scoredFrom()).isZero();
        assertThat(plan.tiles()).extracting(FrameContext.Tile::offset).containsExactly(-4, 0);

        FrameContext shortWindows = new FrameContext();
        shortWindows.plan(window(0, 5), 4);
        FrameContext.Plan one = shortWindows.plan(window(5, 5), 4);
        assertThat(one.scoredFrom()).isZero();
        assertThat(one.tiles()).extracting(FrameContext.Tile::offset).containsExactly(-4, -3, -2, -1, 0);
    }

    @Test
    void overlappingWindowsScoreOnlyTheirNewFrames() {
        FrameContext context = new FrameContext();
        context.plan(window(0, 8), 4);

        FrameContext.Plan byFour = context.plan(window(4, 8), 4);
        FrameContext.Plan byTwo = context.plan(window(6, 8), 4);
        FrameContext.Plan bySix = context.plan(window(12, 8), 4);

        assertThat(byFour.scoredFrom()).isEqualTo(4);
        assertThat(byFour.tiles()).extracting(FrameContext.Tile::offset).containsExactly(0);
        assertThat(byTwo.scoredFrom()).as("frames 12 and 13 are new").isEqualTo(6);
        assertThat(byTwo.tiles()).extracting(FrameContext.Tile::offset).containsExactly(0);
        assertThat(bySix.scoredFrom()).as("frames 14 to 19 are new").isEqualTo(2);
        assertThat(bySix.tiles()).extracting(FrameContext.Tile::offset).containsExactly(-2, 0);
        assertThat(frameOf(bySix.tiles().get(0))).containsExactly(10, 11, 12, 13, 14, 15, 16, 17);
    }

    @Test
    void aGapOrAStreamGoingBackStartsAfresh() {
        FrameContext context = new FrameContext();
        context.plan(window(0, 8), 4);

        FrameContext.Plan afterGap = context.plan(window(9, 8), 4);
        FrameContext.Plan restarted = context.plan(window(0, 8), 4);
        FrameContext.Plan again = context.plan(window(0, 8), 4);

        assertThat(afterGap.scoredFrom()).isEqualTo(4);
        assertThat(afterGap.tiles()).extracting(FrameContext.Tile::offset).containsExactly(0);
        assertThat(restarted.scoredFrom()).isEqualTo(4);
        assertThat(again.scoredFrom()).as("a window seen again is scored as a first one").isEqualTo(4);
    }

    @Test
    void anAutoencoderScoresEveryFrameOfEveryWindow() {
        FrameContext context = new FrameContext();
        context.plan(window(0, 8), 0);

        FrameContext.Plan plan = context.plan(window(4, 8), 0);

        assertThat(plan.scoredFrom()).isZero();
        assertThat(plan.tiles()).extracting(FrameContext.Tile::offset).containsExactly(0);
    }
}
