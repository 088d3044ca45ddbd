package dev.vad.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How many episodes an hour normal video would open at a threshold, projected from more normal frames' scores than
 * a few short clips can show at the thresholds that matter.
 * <p>
 * An episode opens when {@code enterFrames} scored frames in a row reach the threshold, that is when the least of
 * them does. Every run of that many consecutive normal scored frames gives one such least score. Above {@code u},
 * the {@value #TAIL_QUANTILE} quantile of those least scores, their excess over {@code u} is taken as exponential
 * with its mean excess as the scale (the peaks-over-threshold model with shape 0): the share of runs reaching a
 * threshold {@code T > u} is {@code p_u exp(-(T - u) / mean excess)}; at or below {@code u} it is the runs' own
 * share. Every such run is counted as an episode's start, so the projection is an upper bound: runs that reach the
 * threshold come in clusters, and a cluster opens one episode.
 */
final class FalseAlarmProjection {

    /** The quantile of the runs' least scores above which the tail is fitted. */
    static final double TAIL_QUANTILE = 0.95;
    /** Fewest runs above the quantile for a fit. */
    static final int MIN_TAIL_RUNS = 20;

    private final double[] sortedLeast;
    private final double tailStart;
    private final double tailShare;
    private final double meanExcess;

    private FalseAlarmProjection(double[] sortedLeast) {
        this.sortedLeast = sortedLeast;
        this.tailStart = sortedLeast[(int) Math.floor(TAIL_QUANTILE * (sortedLeast.length - 1))];
        double excess = 0;
        int above = 0;
        for (double least : sortedLeast) {
            if (least > tailStart) {
                excess += least - tailStart;
                above++;
            }
        }
        this.tailShare = (double) above / sortedLeast.length;
        this.meanExcess = above == 0 ? 0 : excess / above;
    }

    /**
     * The projection from the normal frames of {@code streams}; empty when they hold fewer than
     * {@value #MIN_TAIL_RUNS} runs above the tail's start.
     *
     * @param afterRunFrames normal frames right after a labelled run that are left out: they close the episode the run
     *                       opened, and a predicting model still has anomalous frames in their context
     */
    static Optional<FalseAlarmProjection> of(List<ClipStream> streams, int enterFrames,
                                                        int afterRunFrames) {
        if (enterFrames < 1) {
            throw new IllegalArgumentException("enter frames must be at least 1, found " + enterFrames);
        }
        List<Double> least = new ArrayList<>();
        for (ClipStream stream : streams) {
            boolean[] usable = usable(stream, afterRunFrames);
            for (int f = 0; f + enterFrames <= stream.frames(); f++) {
                boolean allUsable = true;
                double min = Double.POSITIVE_INFINITY;
                for (int i = f; i < f + enterFrames; i++) {
                    allUsable &= usable[i];
                    min = Math.min(min, stream.scores()[i]);
                }
                if (allUsable) {
                    least.add(min);
                }
            }
        }
        double[] sorted = least.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Optional.empty();
        }
        FalseAlarmProjection projection = new FalseAlarmProjection(sorted);
        return projection.tailShare * sorted.length < MIN_TAIL_RUNS || projection.meanExcess <= 0
                ? Optional.empty() : Optional.of(projection);
    }

    /** Scored normal frames, less those within {@code afterRunFrames} after a labelled run. */
    private static boolean[] usable(ClipStream stream, int afterRunFrames) {
        boolean[] usable = new boolean[stream.frames()];
        for (int f = 0; f < usable.length; f++) {
            usable[f] = stream.scored()[f] && !stream.labels()[f];
        }
        for (ClipStream.Span run : stream.labelledRuns()) {
            Arrays.fill(usable, run.last() + 1, Math.min(usable.length, run.last() + 1 + afterRunFrames), false);
        }
        return usable;
    }

    /** Runs of normal frames the projection rests on. */
    int runs() {
        return sortedLeast.length;
    }

    /** The share of runs of normal frames whose least score reaches {@code threshold}, projected above the tail. */
    double share(double threshold) {
        if (threshold > tailStart) {
            return tailShare * Math.exp(-(threshold - tailStart) / meanExcess);
        }
        int below = lowerBound(sortedLeast, threshold);
        return (double) (sortedLeast.length - below) / sortedLeast.length;
    }

    /** At most this many episodes an hour of normal video at {@code fps} opens at {@code threshold}. */
    double episodesPerHour(double threshold, double fps) {
        return share(threshold) * fps * 3600;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
