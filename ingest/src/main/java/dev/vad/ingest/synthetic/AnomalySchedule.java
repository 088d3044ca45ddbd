package dev.vad.ingest.synthetic;

import dev.vad.ingest.synthetic.InjectedAnomaly.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When anomalies happen: occurrence k starts at {@code firstAnomalyFrame + k * anomalyEveryFrames} and lasts
 * {@code anomalyLengthFrames}. Each run of four occurrences (0-3, 4-7, ...) shows the four kinds once each, in an
 * order shuffled by the seed, so that the first four anomalies cover every kind.
 */
final class AnomalySchedule {

    private static final Kind[] KINDS = Kind.values();

    private final SceneSettings settings;
    private final long base;

    AnomalySchedule(SceneSettings settings) {
        this.settings = settings;
        this.base = SeededHash.next(settings.seed(), SeededHash.SCHEDULE);
    }

    Optional<InjectedAnomaly> at(long frameIndex) {
        requireFrame(frameIndex);
        if (!settings.hasAnomalies() || frameIndex < settings.firstAnomalyFrame()) {
            return Optional.empty();
        }
        InjectedAnomaly candidate = occurrence((frameIndex - settings.firstAnomalyFrame())
                / settings.anomalyEveryFrames());
        return candidate.covers(frameIndex) ? Optional.of(candidate) : Optional.empty();
    }

    /** The anomalies that cover at least one frame of [from, to), in order. */
    List<InjectedAnomaly> between(long fromInclusive, long toExclusive) {
        requireFrame(fromInclusive);
        if (toExclusive < fromInclusive) {
            throw new IllegalArgumentException("frame range must have from <= to, found [" + fromInclusive + ", "
                    + toExclusive + ")");
        }
        List<InjectedAnomaly> found = new ArrayList<>();
        long first = settings.firstAnomalyFrame();
        if (!settings.hasAnomalies() || toExclusive <= first) {
            return found;
        }
        long period = settings.anomalyEveryFrames();
        long firstOccurrence = fromInclusive <= first ? 0 : (fromInclusive - first) / period;
        long lastOccurrence = (toExclusive - 1 - first) / period;
        for (long k = firstOccurrence; k <= lastOccurrence; k++) {
            InjectedAnomaly anomaly = occurrence(k);
            if (anomaly.lastFrame() >= fromInclusive) {
                found.add(anomaly);
            }
        }
        return found;
    }

    InjectedAnomaly occurrence(long k) {
        long start = settings.firstAnomalyFrame() + k * settings.anomalyEveryFrames();
        return new InjectedAnomaly(kindOf(k), start, start + settings.anomalyLengthFrames() - 1);
    }

    /** The k-th kind: position k % 4 of a seeded shuffle (Fisher-Yates) of the kinds for block k / 4. */
    private Kind kindOf(long k) {
        long block = SeededHash.next(base, k / KINDS.length);
        Kind[] order = KINDS.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = SeededHash.below(block, i, i + 1);
            Kind swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order[(int) (k % KINDS.length)];
    }

    static void requireFrame(long frameIndex) {
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frame index must be >= 0, found " + frameIndex);
        }
    }
}
