package dev.vad.scorer.evidence;

import dev.vad.common.wire.PixelFormat;
import dev.vad.model.score.FrameErrors;
import dev.vad.scorer.images.FrameImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * An episode's snapshot: the frame with its error heat map blended in (the viewer's colours; no error leaves the
 * frame as it is, full heat covers it to {@value #MAX_HEAT_OPACITY}) and a box around its worst patch, enlarged
 * (nearest neighbour) so that its longer side is at least {@value #MIN_LONGER_SIDE} pixels. Pure.
 */
final class SnapshotRenderer {

    static final int MIN_LONGER_SIDE = 256;
    static final double MAX_HEAT_OPACITY = 0.7;
    /** The box's colour: cyan, which the heat palette does not contain. */
    static final int BOX_RGB = 0x00ffff;

    private SnapshotRenderer() {
    }

    /**
     * @param pixels      frames in their wire layout; the frame starts at {@code frame x width x height x channels}
     * @param errorMap    squared errors per pixel of the same frames ({@code frames x height x width})
     * @param frame       which frame
     * @param patch       side of the patch the box is drawn around (the model's worst-patch size)
     */
    static BufferedImage render(byte[] pixels, float[] errorMap, int frame, int width, int height,
                                PixelFormat format, int patch) {
        int plane = width * height;
        BufferedImage base = FrameImages.rgb(pixels, frame * plane * format.channels(), width, height, format);
        float[] errors = Arrays.copyOfRange(errorMap, frame * plane, (frame + 1) * plane);
        int scale = scale(width, height);
        BufferedImage out = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double level = FrameImages.heatLevel(errors[y * width + x]);
                int rgb = blend(base.getRGB(x, y), FrameImages.heatColour(level), level * MAX_HEAT_OPACITY);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        FrameErrors.Patch worst = FrameErrors.worstPatch(errors, height, width, patch);
        box(out, worst.x() * scale, worst.y() * scale, worst.side() * scale, Math.max(1, scale / 2));
        return out;
    }

    /** The whole-number enlargement that brings the longer side to at least {@link #MIN_LONGER_SIDE}. */
    static int scale(int width, int height) {
        int longer = Math.max(width, height);
        return Math.max(1, (MIN_LONGER_SIDE + longer - 1) / longer);
    }

    /** A square outline of {@code line} pixels inside the square at {@code (x, y)} of side {@code side}. */
    private static void box(BufferedImage image, int x, int y, int side, int line) {
        for (int t = 0; t < line; t++) {
            for (int i = 0; i < side; i++) {
                image.setRGB(x + i, y + t, BOX_RGB);
                image.setRGB(x + i, y + side - 1 - t, BOX_RGB);
                image.setRGB(x + t, y + i, BOX_RGB);
                image.setRGB(x + side - 1 - t, y + i, BOX_RGB);
            }
        }
    }

    private static int blend(int under, int over, double opacity) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (under >> shift) & 0xff;
            int b = (over >> shift) & 0xff;
            rgb |= ((int) Math.round(a + opacity * (b - a))) << shift;
        }
        return rgb;
    }
}
