package dev.vad.scorer.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which stored episodes to delete: every one stored longer ago than the age limit, then, oldest first, as many as
 * it takes to bring the total under the size limit. Episodes still being written are never chosen. Pure.
 */
final class EvidenceRetention {

    private EvidenceRetention() {
    }

    /** An episode's key, when it was stored and its size. */
    record Stored(String key, long storedAtMicros, long bytes) {
    }

    /** The keys to delete, oldest first. */
    static List<String> victims(List<Stored> stored, Set<String> open, long nowMicros, Duration maxAge,
                                long maxBytes) {
        List<Stored> byAge = new ArrayList<>(stored);
        byAge.sort(Comparator.comparingLong(Stored::storedAtMicros).thenComparing(Stored::key));
        long total = byAge.stream().mapToLong(Stored::bytes).sum();
        long oldest = nowMicros - Math.min(maxAge.getSeconds(), Long.MAX_VALUE / 2_000_000) * 1_000_000;
        List<String> victims = new ArrayList<>();
        for (Stored s : byAge) {
            if (open.contains(s.key())) {
                continue;
            }
            if (s.storedAtMicros() < oldest || total > maxBytes) {
                victims.add(s.key());
                total -= s.bytes();
            }
        }
        return victims;
    }
}
