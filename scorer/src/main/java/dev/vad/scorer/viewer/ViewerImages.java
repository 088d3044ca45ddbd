package dev.vad.scorer.viewer;

import dev.vad.common.wire.PixelFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG images of frames and error maps for the viewer, encoded with the JDK's ImageIO. */
final class ViewerImages {

    /** Heat colours from no error to the most, in equal steps: black, purple, red, orange, pale yellow. */
    private static final int[][] HEAT = {{0, 0, 4}, {87, 16, 110}, {188, 55, 84}, {249, 142, 9}, {252, 255, 164}};

    /** Absolute error (0..1 intensity) shown at full heat: a quarter of the intensity range. */
    static final double FULL_HEAT_ERROR = 0.25;

    private ViewerImages() {
    }

    /** One frame's pixels, in their wire layout, as a PNG. */
    static byte[] frame(byte[] pixels, int width, int height, PixelFormat format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int channels = format.channels();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * channels;
                int r;
                int g;
                int b;
                switch (format) {
                    case GRAY8 -> r = g = b = pixels[at] & 0xff;
                    case RGB24 -> {
                        r = pixels[at] & 0xff;
                        g = pixels[at + 1] & 0xff;
                        b = pixels[at + 2] & 0xff;
                    }
                    default -> {
                        b = pixels[at] & 0xff;
                        g = pixels[at + 1] & 0xff;
                        r = pixels[at + 2] & 0xff;
                    }
                }
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return png(image);
    }

    /** Squared errors per pixel as a heat map: the absolute error, full heat at {@link #FULL_HEAT_ERROR}. */
    static byte[] heat(float[] squaredErrors, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < width * height; i++) {
            image.setRGB(i % width, i / width, heatColour(Math.sqrt(Math.max(0, squaredErrors[i])) / FULL_HEAT_ERROR));
        }
        return png(image);
    }

    /** The RGB of a heat level in [0, 1] (clamped). */
    static int heatColour(double level) {
        double position = Math.min(1, Math.max(0, level)) * (HEAT.length - 1);
        int low = Math.min((int) position, HEAT.length - 2);
        double t = position - low;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int value = (int) Math.round(HEAT[low][c] + t * (HEAT[low + 1][c] - HEAT[low][c]));
            rgb = (rgb << 8) | value;
        }
        return rgb;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
