package dev.vad.bench;

import java.util.List;
import java.util.Locale;

/**
 * Resident memory over a training run: one sample every {@code every} steps (the first after {@code every}
 * steps, so start-up allocation is behind it).
 *
 * @param benchCase     what was trained
 * @param steps         training steps run
 * @param every         steps between samples
 * @param residentBytes the samples, in order
 */
public record RssReport(BenchCase benchCase, int steps, int every, List<Long> residentBytes) {
    /** Growth from first to last sample within which memory counts as flat. */
    public static final double FLAT_PERCENT = 10.0;

    public RssReport {
        residentBytes = List.copyOf(residentBytes);
        if (residentBytes.isEmpty()) {
            throw new IllegalArgumentException("an RSS report needs at least one sample");
        }
    }

    public long first() {
        return residentBytes.get(0);
    }

    public long last() {
        return residentBytes.get(residentBytes.size() - 1);
    }

    public long max() {
        return residentBytes.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** (last − first) ÷ first, in percent. */
    public double growthPercent() {
        return 100.0 * (last() - first()) / first();
    }

    /** Whether the last and the largest sample stay within {@link #FLAT_PERCENT} of the first. */
    public boolean flat() {
        return Math.abs(growthPercent()) <= FLAT_PERCENT && 100.0 * (max() - first()) / first() <= FLAT_PERCENT;
    }

    /** {@code model=compact dims=3 mode=train rss_steps=5000 ... rss_growth_pct=... rss_flat=true}. */
    public String line() {
        return String.format(Locale.ROOT, "%s mode=train rss_steps=%d rss_every=%d rss_samples=%d rss_first_mb=%.1f"
                        + " rss_last_mb=%.1f rss_max_mb=%.1f rss_growth_pct=%.1f rss_flat=%s", benchCase.label(),
                steps, every, residentBytes.size(), mb(first()), mb(last()), mb(max()), growthPercent(), flat());
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
