package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceRetentionTest {

    private static final long DAY = 86_400_000_000L;
    private static final long NOW = 100 * DAY;

    private static EvidenceRetention.Stored stored(String key, long ageDays, long bytes) {
        return new EvidenceRetention.Stored(key, NOW - ageDays * DAY, bytes);
    }

    @Test
    void underTheSizeCapTheOldestGoFirstUntilTheRestFits() {
        List<EvidenceRetention.Stored> stored = List.of(stored("new", 0, 40), stored("old", 3, 40),
                stored("mid", 2, 40), stored("older", 4, 40));

        assertThat(EvidenceRetention.victims(stored, Set.of(), NOW, Duration.ofDays(7), 100))
                .containsExactly("older", "old");
        assertThat(EvidenceRetention.victims(stored, Set.of(), NOW, Duration.ofDays(7), 160)).isEmpty();
    }

    @Test
    void episodesOlderThanTheAgeLimitGoWhateverTheirSize() {
        List<EvidenceRetention.Stored> stored = List.of(stored("a", 1, 1), stored("b", 8, 1), stored("c", 10, 1),
                stored("d", 6, 1));

        assertThat(EvidenceRetention.victims(stored, Set.of(), NOW, Duration.ofDays(7), 1L << 30))
                .containsExactly("c", "b");
    }

    @Test
    void anEpisodeBeingWrittenIsNeverChosenAndTheNextOldestGoesInstead() {
        List<EvidenceRetention.Stored> stored = List.of(stored("open", 5, 50), stored("b", 4, 50),
                stored("c", 1, 50));

        assertThat(EvidenceRetention.victims(stored, Set.of("open"), NOW, Duration.ofDays(7), 100))
                .containsExactly("b");
        assertThat(EvidenceRetention.victims(List.of(stored("open", 30, 50)), Set.of("open"), NOW,
                Duration.ofDays(7), 10)).isEmpty();
    }
}
