package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {

    @TempDir
    Path dir;

    private static EvidenceStore.Episode episode(String stream, long first) {
        return new EvidenceStore.Episode(stream + ":" + first, stream, first, first * 40_000, 0, 5.0, false, false);
    }

    private static Clock at(long seconds) {
        return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }

    @Test
    void storesEachEpisodeInItsStreamsDirectoryAndFindsItsFilesByIdOnly() throws IOException {
        EvidenceStore store = EvidenceStore.open(dir, at(1000));
        store.started(episode("gate/1", 750));

        String path = store.storeSnapshot("gate/1:750", new byte[] {1, 2, 3});

        assertThat(path).isEqualTo("gate%2F1/750/snapshot.jpg");
        assertThat(Files.readAllBytes(dir.resolve(path))).containsExactly(1, 2, 3);
        assertThat(store.file("gate/1:750", EvidenceStore.SNAPSHOT)).contains(dir.resolve(path));
        assertThat(store.file("gate/1:750", EvidenceStore.CLIP)).as("no clip yet").isEmpty();
        assertThat(store.file("gate/1:750", "episode.json")).as("only snapshot and clip are served").isEmpty();
        assertThat(store.file("../gate/1:750", EvidenceStore.SNAPSHOT)).isEmpty();
        assertThat(store.episodes("gate/1", 10)).singleElement()
                .satisfies(e -> assertThat(e.storedAtMicros()).isEqualTo(1000_000_000L));
    }

    @Test
    void aReopenedStoreListsWhatWasStoredWithItsClipAndPeak() throws IOException {
        EvidenceStore store = EvidenceStore.open(dir, at(1000));
        store.started(episode("cam", 10));
        store.storeSnapshot("cam:10", new byte[10]);
        Path clip = store.clipFile(episode("cam", 10));
        Files.write(clip, new byte[100]);
        store.clipFinished("cam:10");
        store.ended("cam:10", 9.5);

        EvidenceStore reopened = EvidenceStore.open(dir, at(2000));

        assertThat(reopened.episodes("cam", 10)).singleElement().satisfies(e -> {
            assertThat(e.peakScore()).isEqualTo(9.5);
            assertThat(e.clip()).isTrue();
            assertThat(e.snapshot()).isTrue();
        });
        assertThat(reopened.file("cam:10", EvidenceStore.CLIP)).contains(clip);
        assertThat(reopened.bytes()).isGreaterThan(110);
    }

    @Test
    void retentionDeletesTheOldestEpisodesDirectoriesAndCountsThem() throws IOException {
        for (int i = 0; i < 4; i++) {
            EvidenceStore store = EvidenceStore.open(dir, at(1000 + i));
            store.started(episode("cam", i * 100L));
            store.storeSnapshot("cam:" + i * 100, new byte[4000]);
        }
        EvidenceStore store = EvidenceStore.open(dir, at(1010));

        int deleted = store.enforce(Duration.ofDays(7), 9000, Set.of());

        assertThat(deleted).isEqualTo(2);
        assertThat(store.deleted()).isEqualTo(2);
        assertThat(store.episodes("cam", 10)).extracting(EvidenceStore.Episode::eventId)
                .containsExactly("cam:300", "cam:200");
        assertThat(dir.resolve("cam/0")).doesNotExist();
        assertThat(dir.resolve("cam/100")).doesNotExist();
        assertThat(dir.resolve("cam/300/snapshot.jpg")).exists();

        EvidenceStore later = EvidenceStore.open(dir, at(1010 + Duration.ofDays(8).toSeconds()));
        assertThat(later.enforce(Duration.ofDays(7), 1L << 30, Set.of("cam:300"))).isEqualTo(1);
        assertThat(later.episodes("cam", 10)).extracting(EvidenceStore.Episode::eventId).containsExactly("cam:300");
    }
}
