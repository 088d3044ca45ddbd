package dev.vad.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticSceneDeterminismTest {

    private static final SceneSettings GREY = new SceneSettings(11, 64, 64, 1, 25, 6, 40, 60, 30);
    private static final SceneSettings RGB = new SceneSettings(11, 48, 32, 3, 25, 6, 40, 60, 30);

    @Test
    void sameSettingsAndIndexGiveIdenticalBytes() {
        for (SceneSettings settings : new SceneSettings[] {GREY, RGB}) {
            SyntheticScene one = new SyntheticScene(settings);
            SyntheticScene other = new SyntheticScene(settings);
            for (long frame : new long[] {0, 1, 45, 1_000, 123_456_789}) {
                assertThat(other.render(frame)).as("frame %d", frame).isEqualTo(one.render(frame));
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentBytes() {
        SyntheticScene one = new SyntheticScene(GREY);
        SyntheticScene other = new SyntheticScene(GREY.withSeed(12));

        assertThat(other.render(5)).isNotEqualTo(one.render(5));
        assertThat(FrameMeasure.meanAbsoluteDifference(one.render(5), other.render(5))).isGreaterThan(1.0);
    }

    @Test
    void renderingAFrameDirectlyGivesTheSameBytesAsRenderingInSequence() {
        for (SceneSettings settings : new SceneSettings[] {GREY, RGB}) {
            SyntheticScene sequential = new SyntheticScene(settings);
            Map<Long, byte[]> inOrder = new HashMap<>();
            byte[] buffer = new byte[settings.frameBytes()];
            for (long frame = 0; frame < 200; frame++) {
                sequential.render(frame, buffer);
                inOrder.put(frame, buffer.clone());
            }
            SyntheticScene direct = new SyntheticScene(settings);
            for (long frame = 199; frame >= 0; frame -= 7) {
                assertThat(direct.render(frame)).as("frame %d", frame).isEqualTo(inOrder.get(frame));
            }
        }
    }

    @Test
    void rgbFramesAreColouredAndGreyFramesAreTheirLuma() {
        SceneSettings rgbSettings = new SceneSettings(3, 64, 64, 3, 25, 6, 0, 0, 0);
        byte[] rgb = new SyntheticScene(rgbSettings).render(10);
        byte[] grey = new SyntheticScene(new SceneSettings(3, 64, 64, 1, 25, 6, 0, 0, 0)).render(10);

        long colourful = 0;
        double lumaError = 0;
        for (int p = 0; p < grey.length; p++) {
            int r = rgb[3 * p] & 0xFF;
            int g = rgb[3 * p + 1] & 0xFF;
            int b = rgb[3 * p + 2] & 0xFF;
            colourful += Math.max(Math.abs(r - g), Math.abs(g - b)) > 15 ? 1 : 0;
            lumaError += Math.abs((grey[p] & 0xFF) - Rgb.luma(r, g, b));
        }
        assertThat(colourful).isGreaterThan(grey.length / 2);
        assertThat(lumaError / grey.length).isLessThan(3.0);
    }

    @Test
    void renderRejectsABufferOfTheWrongSizeAndNegativeFrames() {
        SyntheticScene scene = new SyntheticScene(RGB);

        assertThatThrownBy(() -> scene.render(0, new byte[48 * 32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame buffer must hold 48x32x3 = 4608 bytes, found 1536 bytes");
        assertThatThrownBy(() -> scene.render(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame index must be >= 0, found -1");
    }
}
