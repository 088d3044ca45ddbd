package dev.vad.common.store;

import dev.vad.common.config.Setting;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.WireFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Model artifacts as files, {@code <name>-v<version>.vadm} in one directory, each the artifact's wire bytes.
 * A file appears whole or not at all: it is written under a temporary name and moved into place atomically.
 */
public final class ModelDirectory {

    public static final String SUFFIX = ".vadm";
    private static final String TEMP_PREFIX = ".writing-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern FILE = Pattern.compile("(.+)-v(\\d{1,18})\\" + SUFFIX);

    /** Where the trainer also writes every version and the scorer also looks; none by default. */
    public static final Setting<String> SETTING = Setting.text("model-dir", "DIR", null, "Model artifacts as files,"
            + " <name>-v<version>.vadm: the trainer writes every version here, the scorer looks here too")
            .defaultText("none");

    private final Path root;
    private final ModelArtifactCodec codec = new ModelArtifactCodec();

    public ModelDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates the directory if needed and proves it writable.
     *
     * @throws UncheckedIOException naming the path when it cannot be created or written
     */
    public ModelDirectory requireWritable() {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".probe-", ".tmp");
            Files.delete(probe);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("model directory " + root.toAbsolutePath() + " is not writable ("
                    + describe(e) + ")", e);
        }
    }

    /** Writes an artifact atomically and returns its file. */
    public Path write(ModelArtifact artifact) {
        Path target = root.resolve(fileName(artifact.header().name(), artifact.header().version()));
        try {
            Path temp = Files.createTempFile(root, TEMP_PREFIX, TEMP_SUFFIX);
            try {
                Files.write(temp, codec.encode(artifact));
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write model " + target.toAbsolutePath() + " ("
                    + describe(e) + ")", e);
        }
    }

    /**
     * Deletes the temporary files of writes that never finished (a writer killed mid-write) and were last touched
     * before {@code cutoff}; a write in progress elsewhere touches its file within the second, so a cutoff minutes
     * back never takes one. Returns how many were deleted.
     */
    public int removeAbandonedWrites(Instant cutoff) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)
                        && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean model directory " + root.toAbsolutePath() + " ("
                    + describe(e) + ")", e);
        }
        return removed;
    }

    /** The artifact of one exact version, if its file is here. */
    public Optional<ModelArtifact> read(String name, long version) {
        Path file = root.resolve(fileName(name, version));
        return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
    }

    /** The newest version of {@code name} here, if any. */
    public Optional<ModelArtifact> newest(String name) {
        return versions(name).stream().max(Comparator.naturalOrder()).flatMap(v -> read(name, v));
    }

    /** Versions of {@code name} with a file here, ascending. */
    public List<Long> versions(String name) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Long> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.forEach(f -> {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches() && m.group(1).equals(name)) {
                    versions.add(Long.parseLong(m.group(2)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list model directory " + root.toAbsolutePath(), e);
        }
        versions.sort(Comparator.naturalOrder());
        return versions;
    }

    public Path root() {
        return root;
    }

    static String fileName(String name, long version) {
        return name + "-v" + version + SUFFIX;
    }

    private ModelArtifact load(Path file) {
        try {
            return codec.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model " + file.toAbsolutePath(), e);
        } catch (WireFormatException e) {
            throw new IllegalStateException("model file " + file.toAbsolutePath() + " is not a readable artifact: "
                    + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
