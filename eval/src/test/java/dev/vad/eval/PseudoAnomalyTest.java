package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every kind of pseudo-anomaly on a small moving scene: what it changes, what it leaves alone, its labels. */
class PseudoAnomalyTest {

    static final List<PseudoAnomaly> KINDS = PseudoAnomaly.ALL;
    private static final int WIDTH = 48;
    private static final int HEIGHT = 36;
    private static final int FRAMES = 31;

    private final GreyFrames clip = scene(FRAMES, 1);
    private final GreyFrames donor = scene(20, 2);

    @ParameterizedTest
    @FieldSource("KINDS")
    void framesOutsideTheMiddleThirdAreTheOriginalsByteForByte(PseudoAnomaly kind) {
        PseudoClip pseudo = kind.apply(clip, donor, 7);

        Stretch stretch = Stretch.middleThird(FRAMES);
        assertThat(pseudo.frames()).hasSize(FRAMES);
        for (int i = 0; i < FRAMES; i++) {
            if (!stretch.contains(i)) {
                assertThat(pseudo.frames().get(i)).as("frame %d", i).isEqualTo(clip.frame(i));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void everyLabelledFrameVisiblyDiffersFromTheOriginalAtItsPlace(PseudoAnomaly kind) {
        PseudoClip pseudo = kind.apply(clip, donor, 7);

        for (int i = 0; i < FRAMES; i++) {
            if (pseudo.labels()[i]) {
                assertThat(meanAbsoluteDifference(pseudo.frames().get(i), clip.frame(i))).as("frame %d", i)
                        .isGreaterThan(0.5);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void labelsMarkExactlyTheMiddleThird(PseudoAnomaly kind) {
        PseudoClip pseudo = kind.apply(clip, donor, 7);

        Stretch stretch = Stretch.middleThird(FRAMES);
        assertThat(stretch).isEqualTo(new Stretch(10, 10));
        assertThat(pseudo.anomalousFrames()).isEqualTo(stretch.length());
        for (int i = 0; i < FRAMES; i++) {
            assertThat(pseudo.labels()[i]).as("frame %d", i).isEqualTo(stretch.contains(i));
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void theSameSeedGivesTheSameFrames(PseudoAnomaly kind) {
        PseudoClip once = kind.apply(clip, donor, 7);
        PseudoClip again = kind.apply(clip, donor, 7);

        for (int i = 0; i < FRAMES; i++) {
            assertThat(again.frames().get(i)).as("frame %d", i).isEqualTo(once.frames().get(i));
        }
        assertThat(again.labels()).isEqualTo(once.labels());
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void theOriginalFramesAreLeftUntouched(PseudoAnomaly kind) {
        GreyFrames original = scene(FRAMES, 1);

        kind.apply(clip, donor, 7);

        for (int i = 0; i < FRAMES; i++) {
            assertThat(clip.frame(i)).isEqualTo(original.frame(i));
        }
    }

    @Test
    void seededKindsDependOnTheSeed() {
        for (PseudoAnomaly kind : List.of(new MovingPatch(), new LightPatch())) {
            assertThat(kind.apply(clip, donor, 7).frames().get(15)).as(kind.kind())
                    .isNotEqualTo(kind.apply(clip, donor, 8).frames().get(15));
        }
    }

    @Test
    void skipRunsThreeTimesAsFastAndReverseRunsBackwards() {
        assertThat(new SpeedUp().apply(clip, donor, 0).frames().get(10)).isEqualTo(clip.frame(13));
        assertThat(new SpeedUp().apply(clip, donor, 0).frames().get(11)).isEqualTo(clip.frame(16));
        assertThat(new Reversal().apply(clip, donor, 0).frames().get(10)).isEqualTo(clip.frame(19));
        assertThat(new Reversal().apply(clip, donor, 0).frames().get(19)).isEqualTo(clip.frame(10));
        assertThat(new Freeze().apply(clip, donor, 0).frames().get(19)).isEqualTo(clip.frame(9));
    }

    @Test
    void aClipTooShortForAStretchIsRefused() {
        assertThatThrownBy(() -> new Freeze().apply(scene(2, 1), donor, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 frames");
    }

    /** A grey gradient with a bright block walking right and seeded sensor noise in every frame. */
    private static GreyFrames scene(int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            byte[] frame = new byte[WIDTH * HEIGHT];
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean block = x >= (3 * f) % WIDTH && x < (3 * f) % WIDTH + 8 && y >= 12 && y < 20;
                    int value = block ? 200 : 40 + 2 * x + y + random.nextInt(4);
                    frame[y * WIDTH + x] = (byte) (seed == 1 ? value : 255 - value);
                }
            }
            out.add(frame);
        }
        return new GreyFrames(WIDTH, HEIGHT, out);
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }
}
