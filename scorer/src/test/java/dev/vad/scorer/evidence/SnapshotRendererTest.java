package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.PixelFormat;
import dev.vad.scorer.images.FrameImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SnapshotRendererTest {

    private static final int W = 64;
    private static final int H = 32;

    /** Two grey frames; the second has errors in the 8x8 square at (40, 16). */
    private static float[] errorsAt(int frame, int x0, int y0) {
        float[] errors = new float[2 * W * H];
        for (int y = y0; y < y0 + 8; y++) {
            for (int x = x0; x < x0 + 8; x++) {
                errors[frame * W * H + y * W + x] = 0.25f;
            }
        }
        return errors;
    }

    private static byte[] greyFrames() {
        byte[] pixels = new byte[2 * W * H];
        java.util.Arrays.fill(pixels, (byte) 100);
        return pixels;
    }

    @Test
    void theBoxSurroundsTheWorstPatchAndTheHeatIsBlendedOnlyWhereTheErrorIs() {
        BufferedImage image = SnapshotRenderer.render(greyFrames(), errorsAt(1, 40, 16), 1, W, H,
                PixelFormat.GRAY8, 8);

        int scale = 4;
        assertThat(image.getWidth()).isEqualTo(W * scale);
        assertThat(image.getHeight()).isEqualTo(H * scale);
        int left = 40 * scale;
        int top = 16 * scale;
        int right = left + 8 * scale - 1;
        int bottom = top + 8 * scale - 1;
        for (int[] corner : new int[][] {{left, top}, {right, top}, {left, bottom}, {right, bottom}}) {
            assertThat(rgb(image, corner[0], corner[1])).as("box corner %d,%d", corner[0], corner[1])
                    .isEqualTo(SnapshotRenderer.BOX_RGB);
        }
        assertThat(rgb(image, left + 16, top)).as("top edge").isEqualTo(SnapshotRenderer.BOX_RGB);
        assertThat(rgb(image, left - 1, top + 16)).as("just outside the box").isNotEqualTo(SnapshotRenderer.BOX_RGB);
        assertThat(rgb(image, 4, 4)).as("no error: the frame as it is").isEqualTo(0x646464);
        int hot = rgb(image, left + 16, top + 16);
        assertThat(hot).as("full heat blended in").isNotEqualTo(0x646464).isNotEqualTo(SnapshotRenderer.BOX_RGB);
        int heat = FrameImages.heatColour(1.0);
        assertThat((hot >> 16) & 0xff).as("red moves towards the heat colour's")
                .isEqualTo((int) Math.round(100 + SnapshotRenderer.MAX_HEAT_OPACITY * (((heat >> 16) & 0xff) - 100)));
        long boxPixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (rgb(image, x, y) == SnapshotRenderer.BOX_RGB) {
                    boxPixels++;
                    assertThat(x).isBetween(left, right);
                    assertThat(y).isBetween(top, bottom);
                }
            }
        }
        assertThat(boxPixels).as("an outline two pixels wide").isEqualTo(4L * 2 * (8 * scale - 2));
    }

    @Test
    void theBoxFollowsTheErrorOfTheChosenFrame() {
        float[] errors = errorsAt(0, 0, 0);
        float[] second = errorsAt(1, 48, 20);
        System.arraycopy(second, W * H, errors, W * H, W * H);

        BufferedImage first = SnapshotRenderer.render(greyFrames(), errors, 0, W, H, PixelFormat.GRAY8, 8);
        BufferedImage other = SnapshotRenderer.render(greyFrames(), errors, 1, W, H, PixelFormat.GRAY8, 8);

        assertThat(rgb(first, 0, 0)).isEqualTo(SnapshotRenderer.BOX_RGB);
        assertThat(rgb(first, 48 * 4, 20 * 4)).isNotEqualTo(SnapshotRenderer.BOX_RGB);
        assertThat(rgb(other, 48 * 4, 20 * 4)).isEqualTo(SnapshotRenderer.BOX_RGB);
        assertThat(rgb(other, 0, 0)).isNotEqualTo(SnapshotRenderer.BOX_RGB);
    }

    @Test
    void colourFramesKeepTheirColoursAndTheJpegDecodes() throws IOException {
        byte[] rgb = new byte[2 * W * H * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) 200;
            rgb[i + 1] = 10;
            rgb[i + 2] = 10;
        }
        BufferedImage image = SnapshotRenderer.render(rgb, errorsAt(1, 8, 8), 1, W, H, PixelFormat.RGB24, 8);

        assertThat(rgb(image, 200, 100)).isEqualTo(0xc80a0a);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(FrameImages.jpeg(image, 0.9f)));
        assertThat(decoded.getWidth()).isEqualTo(W * 4);
        assertThat((decoded.getRGB(200, 100) >> 16) & 0xff).as("still red after JPEG").isGreaterThan(150);
    }

    @Test
    void largeFramesAreNotEnlarged() {
        assertThat(SnapshotRenderer.scale(640, 480)).isEqualTo(1);
        assertThat(SnapshotRenderer.scale(100, 50)).isEqualTo(3);
        assertThat(SnapshotRenderer.scale(64, 64)).isEqualTo(4);
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }
}
