package dev.vad.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.WireSamples;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void writesVersionsAtomicallyAndFindsTheNewest() throws Exception {
        ModelDirectory models = new ModelDirectory(dir.resolve("models")).requireWritable();
        models.write(WireSamples.modelArtifact("street", 2));
        models.write(WireSamples.modelArtifact("street", 10));
        models.write(WireSamples.modelArtifact("other", 99));

        assertThat(models.versions("street")).containsExactly(2L, 10L);
        assertThat(models.newest("street")).contains(WireSamples.modelArtifact("street", 10));
        assertThat(models.read("street", 2)).contains(WireSamples.modelArtifact("street", 2));
        assertThat(models.read("street", 3)).isEmpty();
        try (var files = Files.list(models.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file is left behind")
                    .containsExactlyInAnyOrder("street-v2.vadm", "street-v10.vadm", "other-v99.vadm");
        }
    }

    @Test
    void refusesACorruptFileNamingIt() throws Exception {
        ModelDirectory models = new ModelDirectory(dir).requireWritable();
        Path file = models.write(WireSamples.modelArtifact("street", 1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(file, bytes);

        assertThatThrownBy(() -> models.newest("street")).hasMessageContaining(file.toString())
                .hasMessageContaining("not a readable artifact");
    }

    @Test
    void removesOnlyTheTemporaryFilesOfWritesAbandonedBeforeTheCutoff() throws Exception {
        ModelDirectory models = new ModelDirectory(dir).requireWritable();
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        Path abandoned = Files.writeString(dir.resolve(".writing-123.tmp"), "half a model");
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(1))));
        Path inProgress = Files.writeString(dir.resolve(".writing-456.tmp"), "being written");
        Files.setLastModifiedTime(inProgress, FileTime.from(now.minusSeconds(1)));
        Path oldModel = models.write(WireSamples.modelArtifact("street", 1));
        Files.setLastModifiedTime(oldModel, FileTime.from(now.minus(Duration.ofDays(3))));

        assertThat(models.removeAbandonedWrites(now.minus(Duration.ofMinutes(10)))).isEqualTo(1);

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(models.versions("street")).containsExactly(1L);
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamed() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        ModelDirectory models = new ModelDirectory(blocker.resolve("models"));

        assertThatThrownBy(models::requireWritable).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(blocker.resolve("models").toString()).hasMessageContaining("not writable");
    }
}
