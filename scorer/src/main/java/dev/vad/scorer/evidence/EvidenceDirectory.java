package dev.vad.scorer.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence directory on disk: {@code DIR/<stream>/<first frame>/} per episode ({@link SafeFileName} of the
 * stream id, the episode's first frame index) holding {@code snapshot.jpg}, {@code clip.mp4} and its
 * {@link EpisodeManifest}. Writes files whole, reads the manifests back, sizes and deletes an episode's directory.
 * Not thread-safe: {@link EvidenceStore} serialises its calls.
 */
final class EvidenceDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceDirectory.class);

    private final Path root;

    /** @param root absolute and normalised */
    EvidenceDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** An episode's directory. */
    Path of(EvidenceStore.Episode episode) {
        return root.resolve(episode.dir());
    }

    /** Creates the directory when it is missing. */
    void create() throws IOException {
        Files.createDirectories(root);
    }

    /** Creates an episode's directory when it is missing; returns it. */
    Path createFor(EvidenceStore.Episode episode) {
        Path dir = of(episode);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Writes an episode's manifest; returns the size of its directory after. */
    long writeManifest(EvidenceStore.Episode episode) {
        Path dir = of(episode);
        write(dir.resolve(EpisodeManifest.NAME), EpisodeManifest.encode(episode));
        return size(dir);
    }

    /** The episodes whose manifests stand in their own directories, as read back. */
    List<EvidenceStore.Episode> episodes() throws IOException {
        List<EvidenceStore.Episode> found = new ArrayList<>();
        try (DirectoryStream<Path> streams = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path stream : streams) {
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stream, Files::isDirectory)) {
                    for (Path dir : dirs) {
                        EpisodeManifest.read(dir.resolve(EpisodeManifest.NAME)).filter(e -> of(e).equals(dir))
                                .ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    /** Writes a file whole: to a temporary name in its directory, then moved over its own name. */
    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes in an episode's directory (0 when it cannot be read). */
    long size(EvidenceStore.Episode episode) {
        return size(of(episode));
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes an episode's directory, and its stream's when that is left empty; a failure is logged. */
    void delete(EvidenceStore.Episode episode) {
        Path dir = of(episode);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
            try (Stream<Path> left = Files.list(dir.getParent())) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(dir.getParent());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the evidence in {}: {}", dir, e.getMessage());
        }
    }
}
