package dev.vad.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@code vad bench conv4d}: a 4D convolution over {@code [batch, channels, outerFrames, innerFrames,
 * height, width]} against a 3D one over {@code [batch, channels, outerFrames * innerFrames, height, width]}, both
 * kernel 3, stride 1, padding 1, {@code channels} in and out, so the outputs have equal sizes and the 4D one does
 * 3x the multiply-adds.
 *
 * @param batch            examples (default 8)
 * @param channels         input and output channels (default 8)
 * @param outerFrames      T1 of the 4D input (default 4)
 * @param innerFrames      T2 of the 4D input (default 4); the 3D input has T1 x T2 frames
 * @param height           rows (default 32)
 * @param width            columns (default 32)
 * @param threads          native threads (default 2)
 * @param warmUpIterations untimed passes first (default 2)
 * @param warmUpSeconds    untimed passes also until this many seconds have passed, for each pass timed (default 3):
 *                         the JVM compiles the Java side of the native calls only after many of them
 * @param timedIterations  passes per timed run (default 5)
 * @param repeats          timed runs; the median is reported (default 3)
 * @param seed             seed of the input and weights (default 42)
 */
public record ConvRatioOptions(int batch, int channels, int outerFrames, int innerFrames, int height, int width,
        int threads, int warmUpIterations, double warmUpSeconds, int timedIterations, int repeats, long seed) {

    public ConvRatioOptions {
        List<String> problems = new ArrayList<>();
        int[] positive = {batch, channels, outerFrames, innerFrames, height, width, threads, timedIterations,
            repeats};
        String[] names = {"batch", "channels", "outer frames", "inner frames", "height", "width", "threads",
            "timed iterations", "repeats"};
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] < 1) {
                problems.add(names[i] + " must be at least 1, found " + positive[i]);
            }
        }
        if (warmUpIterations < 0) {
            problems.add("warm-up iterations must be 0 or more, found " + warmUpIterations);
        }
        if (!(warmUpSeconds >= 0) || Double.isInfinite(warmUpSeconds)) {
            problems.add("warm-up seconds must be 0 or more, found " + warmUpSeconds);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid conv4d benchmark options: " + String.join("; ", problems));
        }
    }

    public static ConvRatioOptions defaults() {
        return new ConvRatioOptions(8, 8, 4, 4, 32, 32, 2, 2, 3, 5, 3, 42);
    }

    public ConvRatioOptions withThreads(int newThreads) {
        return new ConvRatioOptions(batch, channels, outerFrames, innerFrames, height, width, newThreads,
                warmUpIterations, warmUpSeconds, timedIterations, repeats, seed);
    }

    public ConvRatioOptions withIterations(int warmUp, int timed, int newRepeats) {
        return new ConvRatioOptions(batch, channels, outerFrames, innerFrames, height, width, threads, warmUp,
                warmUpSeconds, timed, newRepeats, seed);
    }

    public ConvRatioOptions withWarmUpSeconds(double seconds) {
        return new ConvRatioOptions(batch, channels, outerFrames, innerFrames, height, width, threads,
                warmUpIterations, seconds, timedIterations, repeats, seed);
    }

    /** Whether {@code passes} untimed passes taking {@code elapsedNanos} are enough warm-up. */
    boolean warmedUp(int passes, long elapsedNanos) {
        return passes >= warmUpIterations && elapsedNanos >= warmUpSeconds * 1e9;
    }

    public ConvRatioOptions withShape(int newBatch, int newChannels, int newOuterFrames, int newInnerFrames,
            int newHeight, int newWidth) {
        return new ConvRatioOptions(newBatch, newChannels, newOuterFrames, newInnerFrames, newHeight, newWidth,
                threads, warmUpIterations, warmUpSeconds, timedIterations, repeats, seed);
    }

    long[] input4d() {
        return new long[] {batch, channels, outerFrames, innerFrames, height, width};
    }

    long[] input3d() {
        return new long[] {batch, channels, (long) outerFrames * innerFrames, height, width};
    }
}
