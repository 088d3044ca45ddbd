package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeManifestTest {

    private static final EvidenceStore.Episode EPISODE =
            new EvidenceStore.Episode("gate/1:750", "gate/1", 750, 30_000_000, 1_000_000, 6.5, true, false);

    @TempDir
    Path dir;

    @Test
    void writesSnakeCaseAndReadsItBack() throws IOException {
        Path manifest = dir.resolve(EpisodeManifest.NAME);
        Files.write(manifest, EpisodeManifest.encode(EPISODE));

        assertThat(Files.readString(manifest)).contains("\"event_id\":\"gate/1:750\"", "\"peak_score\":6.5")
                .doesNotContain("\"dir\"");
        assertThat(EpisodeManifest.read(manifest)).contains(EPISODE);
    }

    @Test
    void skipsManifestsThatAreMissingMalformedTooLargeOrWithoutIds() throws IOException {
        Path manifest = dir.resolve(EpisodeManifest.NAME);
        assertThat(EpisodeManifest.read(manifest)).as("missing").isEmpty();

        Files.writeString(manifest, "{\"event_id\":");
        assertThat(EpisodeManifest.read(manifest)).as("malformed").isEmpty();

        Files.writeString(manifest, "{\"stream_id\":\"gate/1\",\"unknown\":1}");
        assertThat(EpisodeManifest.read(manifest)).as("no event id").isEmpty();

        Files.writeString(manifest, "{\"event_id\":\"a:1\",\"stream_id\":\"a\",\"pad\":\""
                + "x".repeat((int) EpisodeManifest.MAX_BYTES) + "\"}");
        assertThat(EpisodeManifest.read(manifest)).as("too large").isEmpty();
    }
}
