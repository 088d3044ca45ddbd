package dev.vad.ingest.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SyntheticScene} draws. Every field is an input of the pure function (settings, frame index) to
 * pixels.
 *
 * @param seed                seeds the background texture, the walkers, the anomaly kinds and their paths, the noise
 * @param width               frame width in pixels, 16 to 4096
 * @param height              frame height in pixels, 16 to 4096
 * @param channels            1 (grey, luma only) or 3 (RGB, interleaved in R, G, B order)
 * @param fps                 frames per second; sets the walking speed in pixels per frame (a frame width in 4 s)
 * @param objects             number of normal walkers, 0 to 1000
 * @param firstAnomalyFrame   index of the first frame of the first anomaly, >= 0
 * @param anomalyEveryFrames  frames between the starts of two anomalies; 0 disables anomalies
 * @param anomalyLengthFrames frames each anomaly lasts, 1 to {@code anomalyEveryFrames} (anything >= 0 when disabled)
 */
public record SceneSettings(long seed, int width, int height, int channels, double fps, int objects,
                            long firstAnomalyFrame, long anomalyEveryFrames, int anomalyLengthFrames) {

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_FPS = 25;
    public static final int DEFAULT_OBJECTS = 6;
    public static final long DEFAULT_FIRST_ANOMALY_FRAME = 750;
    public static final long DEFAULT_ANOMALY_EVERY_FRAMES = 500;
    public static final int DEFAULT_ANOMALY_LENGTH_FRAMES = 50;
    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 4096;
    static final int MAX_OBJECTS = 1000;

    public SceneSettings {
        List<String> problems = problems(width, height, channels, fps, objects, firstAnomalyFrame,
                anomalyEveryFrames, anomalyLengthFrames);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("synthetic scene settings are invalid: " + String.join("; ", problems));
        }
    }

    /**
     * Seed 42, 25 fps, 6 walkers, a first anomaly at frame 750 (30 s), then one every 500 frames (20 s), each 50
     * frames (2 s) long.
     */
    public static SceneSettings defaults(int width, int height, int channels) {
        return new SceneSettings(DEFAULT_SEED, width, height, channels, DEFAULT_FPS, DEFAULT_OBJECTS,
                DEFAULT_FIRST_ANOMALY_FRAME, DEFAULT_ANOMALY_EVERY_FRAMES, DEFAULT_ANOMALY_LENGTH_FRAMES);
    }

    /** The same scene with another seed. */
    public SceneSettings withSeed(long newSeed) {
        return new SceneSettings(newSeed, width, height, channels, fps, objects, firstAnomalyFrame,
                anomalyEveryFrames, anomalyLengthFrames);
    }

    /** The same scene, pixel for pixel, with nothing injected: what the anomalous frames would look like. */
    public SceneSettings withoutAnomalies() {
        return new SceneSettings(seed, width, height, channels, fps, objects, firstAnomalyFrame, 0,
                anomalyLengthFrames);
    }

    /** Bytes of one frame: width * height * channels. */
    public int frameBytes() {
        return width * height * channels;
    }

    public boolean hasAnomalies() {
        return anomalyEveryFrames > 0;
    }

    private static List<String> problems(int width, int height, int channels, double fps, int objects,
                                         long firstAnomalyFrame, long anomalyEveryFrames, int anomalyLengthFrames) {
        List<String> problems = new ArrayList<>();
        checkSize(problems, "width", width);
        checkSize(problems, "height", height);
        if (channels != 1 && channels != 3) {
            problems.add("channels must be 1 (grey) or 3 (RGB), found " + channels);
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            problems.add("fps must be a finite number > 0, found " + fps);
        }
        if (objects < 0 || objects > MAX_OBJECTS) {
            problems.add("objects must be between 0 and " + MAX_OBJECTS + ", found " + objects);
        }
        if (firstAnomalyFrame < 0) {
            problems.add("firstAnomalyFrame must be >= 0, found " + firstAnomalyFrame);
        }
        if (anomalyEveryFrames < 0) {
            problems.add("anomalyEveryFrames must be >= 0 (0 disables anomalies), found " + anomalyEveryFrames);
        }
        checkLength(problems, anomalyEveryFrames, anomalyLengthFrames);
        return problems;
    }

    private static void checkSize(List<String> problems, String name, int value) {
        if (value < MIN_SIZE || value > MAX_SIZE) {
            problems.add(name + " must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, found " + value);
        }
    }

    private static void checkLength(List<String> problems, long every, int length) {
        if (every > 0 && (length < 1 || length > every)) {
            problems.add("anomalyLengthFrames must be between 1 and anomalyEveryFrames (" + every
                    + ") so that anomalies do not overlap, found " + length);
        } else if (every <= 0 && length < 0) {
            problems.add("anomalyLengthFrames must be >= 0, found " + length);
        }
    }
}
