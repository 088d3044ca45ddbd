package dev.vad.ingest.synthetic;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Measurements on frames for the scene's tests: brightness, differences, blobs and their centroids. */
final class FrameMeasure {

    private FrameMeasure() {
    }

    static double meanBrightness(byte[] frame) {
        long sum = 0;
        for (byte value : frame) {
            sum += value & 0xFF;
        }
        return (double) sum / frame.length;
    }

    static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    /** Pixels where any channel differs by more than {@code threshold}. */
    static boolean[] changed(byte[] a, byte[] b, int channels, int threshold) {
        boolean[] mask = new boolean[a.length / channels];
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)) > threshold) {
                mask[i / channels] = true;
            }
        }
        return mask;
    }

    /** {x, y} mean of the set pixels, or null when none is set. */
    static double[] centroid(boolean[] mask, int width) {
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                sumX += i % width + 0.5;
                sumY += i / width + 0.5;
                count++;
            }
        }
        return count == 0 ? null : new double[] {sumX / count, sumY / count};
    }

    static boolean touchesLeftAndRight(boolean[] mask, int width) {
        boolean left = false;
        boolean right = false;
        for (int i = 0; i < mask.length; i += width) {
            left |= mask[i];
            right |= mask[i + width - 1];
        }
        return left && right;
    }

    /** Sizes of the 4-connected blobs of set pixels. */
    static int[] blobSizes(boolean[] mask, int width) {
        boolean[] seen = new boolean[mask.length];
        int[] sizes = new int[mask.length];
        int blobs = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] && !seen[i]) {
                sizes[blobs++] = flood(mask, seen, i, width);
            }
        }
        return Arrays.copyOf(sizes, blobs);
    }

    private static int flood(boolean[] mask, boolean[] seen, int start, int width) {
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(start);
        seen[start] = true;
        int size = 0;
        while (!todo.isEmpty()) {
            int at = todo.pop();
            size++;
            int x = at % width;
            int[] neighbours = {x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, at - width, at + width};
            for (int next : neighbours) {
                if (next >= 0 && next < mask.length && mask[next] && !seen[next]) {
                    seen[next] = true;
                    todo.push(next);
                }
            }
        }
        return size;
    }

    static int largestBlob(boolean[] mask, int width) {
        return Arrays.stream(blobSizes(mask, width)).max().orElse(0);
    }
}
