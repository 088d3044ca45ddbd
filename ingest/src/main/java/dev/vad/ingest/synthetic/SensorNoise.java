package dev.vad.ingest.synthetic;

/**
 * The camera's last step: applies the frame's {@link Exposure} and adds small per-frame sensor noise (uniform,
 * +-2 levels), a pure function of (seed, frame index, pixel), then clamps to 0-255.
 */
final class SensorNoise {

    private static final int LEVELS = 5;

    private final long base;
    private final int channels;

    SensorNoise(SceneSettings settings) {
        this.base = SeededHash.next(settings.seed(), SeededHash.SENSOR);
        this.channels = settings.channels();
    }

    void apply(byte[] pixels, long frameIndex, Exposure exposure) {
        long frameBase = SeededHash.next(base, frameIndex);
        double[] gains = new double[channels];
        for (int c = 0; c < channels; c++) {
            gains[c] = exposure.gain(c, channels);
        }
        double offset = exposure.offset() + 0.5;
        int pixelCount = pixels.length / channels;
        for (int p = 0, at = 0; p < pixelCount; p++) {
            long bits = SeededHash.next(frameBase, p);
            for (int c = 0; c < channels; c++, at++) {
                int noise = (int) ((bits >>> (8 * c)) & 0xFF) % LEVELS - LEVELS / 2;
                double value = Math.floor((pixels[at] & 0xFF) * gains[c] + offset) + noise;
                pixels[at] = (byte) (value <= 0 ? 0 : value >= 255 ? 255 : (int) value);
            }
        }
    }
}
