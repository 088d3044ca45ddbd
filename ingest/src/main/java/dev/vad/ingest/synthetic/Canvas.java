package dev.vad.ingest.synthetic;

/**
 * Draws anti-aliased filled shapes onto a frame buffer (row-major, channels interleaved), blending by the fraction
 * of each pixel a shape covers so that sub-pixel motion still changes pixels.
 */
final class Canvas {

    private final byte[] pixels;
    private final int width;
    private final int height;
    private final int channels;

    Canvas(byte[] pixels, int width, int height, int channels) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    void fillEllipse(double centreX, double centreY, double radiusX, double radiusY, Rgb colour) {
        int[] values = colour.components(channels);
        double edgeScale = Math.min(radiusX, radiusY);
        int x0 = Math.max(0, (int) Math.floor(centreX - radiusX - 1));
        int x1 = Math.min(width - 1, (int) Math.ceil(centreX + radiusX + 1));
        int y0 = Math.max(0, (int) Math.floor(centreY - radiusY - 1));
        int y1 = Math.min(height - 1, (int) Math.ceil(centreY + radiusY + 1));
        for (int y = y0; y <= y1; y++) {
            double dy = (y + 0.5 - centreY) / radiusY;
            for (int x = x0; x <= x1; x++) {
                double dx = (x + 0.5 - centreX) / radiusX;
                double inside = (1.0 - Math.sqrt(dx * dx + dy * dy)) * edgeScale;
                blend(x, y, values, inside + 0.5);
            }
        }
    }

    void fillRect(double centreX, double centreY, double halfWidth, double halfHeight, Rgb colour) {
        int[] values = colour.components(channels);
        int x0 = Math.max(0, (int) Math.floor(centreX - halfWidth - 1));
        int x1 = Math.min(width - 1, (int) Math.ceil(centreX + halfWidth + 1));
        int y0 = Math.max(0, (int) Math.floor(centreY - halfHeight - 1));
        int y1 = Math.min(height - 1, (int) Math.ceil(centreY + halfHeight + 1));
        for (int y = y0; y <= y1; y++) {
            double insideY = halfHeight - Math.abs(y + 0.5 - centreY);
            for (int x = x0; x <= x1; x++) {
                double insideX = halfWidth - Math.abs(x + 0.5 - centreX);
                blend(x, y, values, Math.min(insideX, insideY) + 0.5);
            }
        }
    }

    private void blend(int x, int y, int[] values, double coverage) {
        if (coverage <= 0) {
            return;
        }
        double alpha = Math.min(1.0, coverage);
        int at = (y * width + x) * channels;
        for (int c = 0; c < channels; c++) {
            int old = pixels[at + c] & 0xFF;
            pixels[at + c] = (byte) (int) (old + (values[c] - old) * alpha + 0.5);
        }
    }
}
