package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceDirectoryTest {

    @TempDir
    Path dir;

    private static EvidenceStore.Episode episode(String stream, long first) {
        return new EvidenceStore.Episode(stream + ":" + first, stream, first, 0, 0, 5.0, false, false);
    }

    @Test
    void readsBackOnlyManifestsStandingInTheirOwnEpisodesDirectory() throws IOException {
        EvidenceDirectory directory = new EvidenceDirectory(dir);
        directory.writeManifest(episode("cam", 10));
        directory.writeManifest(episode("cam", 20));
        Files.move(dir.resolve("cam/20"), dir.resolve("cam/30"));

        assertThat(directory.episodes()).containsExactly(episode("cam", 10));
    }

    @Test
    void deletingAStreamsLastEpisodeDeletesTheStreamsDirectory() {
        EvidenceDirectory directory = new EvidenceDirectory(dir);
        long bytes = directory.writeManifest(episode("cam", 10));
        directory.writeManifest(episode("cam", 20));

        assertThat(directory.size(episode("cam", 10))).isEqualTo(bytes).isPositive();
        directory.delete(episode("cam", 10));
        assertThat(dir.resolve("cam/10")).doesNotExist();
        assertThat(dir.resolve("cam")).exists();
        directory.delete(episode("cam", 20));
        assertThat(dir.resolve("cam")).doesNotExist();
    }
}
