package dev.vad.model.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class FrameErrorsTest {

    @Test
    void aSmallBlobBarelyMovesTheMeanButDominatesTheWorstPatch() {
        int h = 32;
        int w = 32;
        float[] map = new float[2 * h * w];
        java.util.Arrays.fill(map, 0.001f);
        for (int y = 20; y < 24; y++) {
            for (int x = 28; x < 32; x++) {
                map[h * w + y * w + x] = 0.5f;
            }
        }

        FrameErrors.FrameError[] errors = FrameErrors.of(map, 2, h, w, 4);

        assertThat(errors[0].mean()).isCloseTo(0.001, offset(1e-7));
        assertThat(errors[0].worstPatch()).isCloseTo(0.001, offset(1e-7));
        assertThat(errors[1].mean()).isCloseTo((16 * 0.5 + (1024 - 16) * 0.001) / 1024, offset(1e-7));
        assertThat(errors[1].worstPatch()).as("the blob at the right edge is found").isCloseTo(0.5, offset(1e-6));
    }

    @Test
    void ignoredPixelsCountInNoScoreAndTheMeanIsOverTheOthers() {
        int h = 8;
        int w = 8;
        float[] map = new float[h * w];
        java.util.Arrays.fill(map, 0.01f);
        boolean[] ignored = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < 4; x++) {
                ignored[y * w + x] = true;
                map[y * w + x] = y < 2 && x < 2 ? 9f : 0.01f;
            }
        }

        FrameErrors.FrameError hidden = FrameErrors.of(map, 1, h, w, 2, ignored)[0];
        FrameErrors.FrameError shown = FrameErrors.of(map, 1, h, w, 2)[0];

        assertThat(hidden.mean()).isCloseTo(0.01, offset(1e-7));
        assertThat(hidden.worstPatch()).isCloseTo(0.01, offset(1e-7));
        assertThat(shown.worstPatch()).isCloseTo(9, offset(1e-6));
        boolean[] all = new boolean[h * w];
        java.util.Arrays.fill(all, true);
        assertThat(FrameErrors.of(map, 1, h, w, 2, all)[0].mean()).isZero();
        assertThatThrownBy(() -> FrameErrors.of(map, 1, h, w, 2, new boolean[3])).hasMessageContaining("flags");
    }

    @Test
    void aPatchLargerThanTheFrameIsTheWholeFrame() {
        float[] map = {1, 2, 3, 4};

        FrameErrors.FrameError[] errors = FrameErrors.of(map, 1, 2, 2, 16);

        assertThat(errors[0].mean()).isEqualTo(2.5);
        assertThat(errors[0].worstPatch()).isEqualTo(2.5);
    }

    @Test
    void refusesAMapOfTheWrongSize() {
        assertThatThrownBy(() -> FrameErrors.of(new float[10], 1, 3, 3, 2))
                .hasMessage("expected 1x3x3 = 9 errors, found 10");
    }

    @Test
    void worstPatchSaysWhereTheWorstPatchIsIncludingOneFlushWithTheEdges() {
        int h = 30;
        int w = 30;
        float[] map = new float[h * w];
        for (int y = 22; y < 30; y++) {
            for (int x = 22; x < 30; x++) {
                map[y * w + x] = 0.4f;
            }
        }

        FrameErrors.Patch patch = FrameErrors.worstPatch(map, h, w, 8);

        assertThat(patch.x()).as("flush with the right edge, off the stride-4 grid").isEqualTo(22);
        assertThat(patch.y()).isEqualTo(22);
        assertThat(patch.side()).isEqualTo(8);
        assertThat(patch.mean()).isCloseTo(0.4, offset(1e-6));
        assertThat(FrameErrors.of(map, 1, h, w, 8)[0].worstPatch()).isCloseTo(patch.mean(), offset(1e-9));
    }
}
