package dev.vad.scorer.images;

import dev.vad.common.wire.PixelFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images of frames and error maps (the viewer's PNGs, the evidence snapshots' JPEGs), drawn and encoded with the
 * JDK's AWT and ImageIO.
 */
public final class FrameImages {

    /** Heat colours from no error to the most, in equal steps: black, purple, red, orange, pale yellow. */
    private static final int[][] HEAT = {{0, 0, 4}, {87, 16, 110}, {188, 55, 84}, {249, 142, 9}, {252, 255, 164}};

    /** Absolute error (0..1 intensity) shown at full heat: a quarter of the intensity range. */
    public static final double FULL_HEAT_ERROR = 0.25;

    private FrameImages() {
    }

    /**
     * One frame's pixels, in their wire layout, as an RGB image.
     *
     * @param offset index in {@code pixels} of the frame's first byte
     */
    public static BufferedImage rgb(byte[] pixels, int offset, int width, int height, PixelFormat format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int channels = format.channels();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = offset + (y * width + x) * channels;
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
        return image;
    }

    /** One frame's pixels as a PNG. */
    public static byte[] framePng(byte[] pixels, int width, int height, PixelFormat format) {
        return png(rgb(pixels, 0, width, height, format));
    }

    /** Share of its brightness a dimmed pixel keeps. */
    public static final double DIMMED = 0.3;

    /** The same with the pixels of {@code dimmed} ({@code width x height}, true to dim; null for none) darkened. */
    public static byte[] framePng(byte[] pixels, int width, int height, PixelFormat format, boolean[] dimmed) {
        if (dimmed == null) {
            return framePng(pixels, width, height, format);
        }
        byte[] shown = pixels.clone();
        int channels = format.channels();
        for (int at = 0; at < shown.length; at++) {
            if (dimmed[at / channels]) {
                shown[at] = (byte) Math.round((shown[at] & 0xff) * DIMMED);
            }
        }
        return framePng(shown, width, height, format);
    }

    /** Squared errors per pixel as a heat map PNG: the absolute error, full heat at {@link #FULL_HEAT_ERROR}. */
    public static byte[] heatPng(float[] squaredErrors, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < width * height; i++) {
            image.setRGB(i % width, i / width, heatColour(heatLevel(squaredErrors[i])));
        }
        return png(image);
    }

    /** The heat level in [0, 1] of a squared error: its square root over {@link #FULL_HEAT_ERROR}, clamped. */
    public static double heatLevel(float squaredError) {
        return Math.min(1, Math.sqrt(Math.max(0, squaredError)) / FULL_HEAT_ERROR);
    }

    /** The RGB of a heat level in [0, 1] (clamped). */
    public static int heatColour(double level) {
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

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image as a JPEG of the given quality (0 to 1). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
