package dev.vad.ingest.synthetic;

/**
 * The static scene: grass crossed by four walkway stripes with darker kerbs, a few benches and planters on the
 * grass above and below them, lit by a smooth gradient (brighter towards the bottom, a seeded left-right tilt) and
 * roughened by a mild seeded texture. It never changes over time.
 */
final class BackgroundTexture {

    private static final int TEXTURE_LEVELS = 5;
    private static final int STRUCTURES = 4;

    private BackgroundTexture() {
    }

    /** The background frame, width * height * channels bytes. */
    static byte[] draw(SceneSettings settings, SceneGeometry geometry) {
        byte[] pixels = new byte[settings.frameBytes()];
        long base = SeededHash.next(settings.seed(), SeededHash.BACKGROUND);
        for (int y = 0; y < settings.height(); y++) {
            fillRow(pixels, y, rowColour(geometry, y), settings.channels(), settings.width());
        }
        Canvas canvas = new Canvas(pixels, settings.width(), settings.height(), settings.channels());
        drawStructures(canvas, geometry, base);
        light(pixels, settings, base);
        return pixels;
    }

    private static Rgb rowColour(SceneGeometry geometry, int y) {
        double half = geometry.walkwayHalfHeight();
        for (int lane = 0; lane < SceneGeometry.LANES; lane++) {
            double distance = Math.abs(y + 0.5 - geometry.laneY(lane));
            if (distance <= half) {
                return Rgb.WALKWAY;
            }
            if (distance <= half + 1) {
                return Rgb.KERB;
            }
        }
        return Rgb.GRASS;
    }

    private static void fillRow(byte[] pixels, int y, Rgb colour, int channels, int width) {
        int[] values = colour.components(channels);
        int at = y * width * channels;
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < channels; c++) {
                pixels[at++] = (byte) values[c];
            }
        }
    }

    /** Benches and planters centred in the grass bands above the first and below the last walkway. */
    private static void drawStructures(Canvas canvas, SceneGeometry geometry, long base) {
        double reach = geometry.walkwayHalfHeight() + 1;
        double topBand = geometry.laneY(0) - reach;
        double bottomBand = geometry.height() - (geometry.laneY(SceneGeometry.LANES - 1) + reach);
        for (int i = 0; i < STRUCTURES; i++) {
            boolean top = i % 2 == 0;
            double band = top ? topBand : bottomBand;
            if (band < 3) {
                continue;
            }
            double centreY = top ? band / 2 : geometry.height() - band / 2;
            double centreX = geometry.width() * (0.1 + 0.8 * SeededHash.unit(base, i));
            double halfWidth = geometry.width() * (0.03 + 0.04 * SeededHash.unit(base, i + 100L));
            Rgb colour = SeededHash.below(base, i + 200L, 2) == 0 ? Rgb.BENCH : Rgb.PLANTER;
            canvas.fillRect(centreX, centreY, halfWidth, band / 4, colour);
        }
    }

    /** Gradient lighting and a static seeded texture of +-2 levels. */
    private static void light(byte[] pixels, SceneSettings settings, long base) {
        int width = settings.width();
        int height = settings.height();
        int channels = settings.channels();
        double tilt = 0.16 * (SeededHash.unit(base, -1) - 0.5);
        long textureBase = SeededHash.next(base, -2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double gain = 0.92 + 0.14 * y / height + tilt * ((double) x / width - 0.5);
                long bits = SeededHash.next(textureBase, (long) y * width + x);
                int at = (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    int texture = (int) ((bits >>> (8 * c)) & 0xFF) % TEXTURE_LEVELS - TEXTURE_LEVELS / 2;
                    double value = (pixels[at + c] & 0xFF) * gain + texture;
                    pixels[at + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
                }
            }
        }
    }
}
