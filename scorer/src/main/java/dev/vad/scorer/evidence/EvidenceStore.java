package dev.vad.scorer.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence directory: {@code DIR/<stream>/<first frame>/} per episode ({@link SafeFileName} of the stream id,
 * the episode's first frame index) holding {@code snapshot.jpg}, {@code clip.mp4} and {@code episode.json}, which
 * describes it. Keeps an index of the stored episodes (read back from the {@code episode.json} files when opened,
 * so the list survives a restart), through which files are found by episode id, never by a path from outside.
 * Thread-safe: the scorer writes while the viewer reads.
 */
public final class EvidenceStore {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);
    public static final String SNAPSHOT = "snapshot.jpg";
    public static final String CLIP = "clip.mp4";
    static final String MANIFEST = "episode.json";
    private static final long MAX_MANIFEST_BYTES = 64 << 10;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A stored episode, as {@code episode.json} has it.
     *
     * @param eventId           the episode's {@code event_id}
     * @param streamId          its stream
     * @param firstFrameIndex   its first frame
     * @param firstCaptureMicros capture time of its first frame
     * @param storedAtMicros    when its snapshot was stored (retention counts age from here)
     * @param peakScore         its highest calibrated score (so far, while it is open)
     * @param snapshot          whether {@code snapshot.jpg} is there
     * @param clip              whether {@code clip.mp4} is there (once the clip is finished)
     */
    public record Episode(String eventId, String streamId, long firstFrameIndex, long firstCaptureMicros,
                          long storedAtMicros, double peakScore, boolean snapshot, boolean clip) {

        /** Its directory relative to the evidence directory, {@code /} separated. */
        public String dir() {
            return SafeFileName.of(streamId) + "/" + firstFrameIndex;
        }

        Episode peak(double score) {
            return new Episode(eventId, streamId, firstFrameIndex, firstCaptureMicros, storedAtMicros,
                    Math.max(peakScore, score), snapshot, clip);
        }

        Episode withClip() {
            return new Episode(eventId, streamId, firstFrameIndex, firstCaptureMicros, storedAtMicros, peakScore,
                    snapshot, true);
        }
    }

    private final Path root;
    private final Clock clock;
    private final Map<String, Episode> episodes = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private long deleted;

    private EvidenceStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /**
     * Opens (creating it when missing) the evidence directory and reads back the episodes stored there.
     *
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static EvidenceStore open(Path root, Clock clock) {
        EvidenceStore store = new EvidenceStore(root.toAbsolutePath().normalize(), clock);
        try {
            Files.createDirectories(store.root);
            store.scan();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the evidence directory " + root + " (" + e.getMessage()
                    + "); choose another --evidence-dir", e);
        }
        return store;
    }

    public Path root() {
        return root;
    }

    /** Notes a new episode (as stored now), replacing any earlier one of the same id. */
    public synchronized void started(Episode episode) {
        Episode previous = episodes.remove(episode.eventId());
        if (previous != null) {
            delete(root.resolve(previous.dir()));
        }
        put(new Episode(episode.eventId(), episode.streamId(), episode.firstFrameIndex(),
                episode.firstCaptureMicros(), clock.millis() * 1000, episode.peakScore(), false, false));
    }

    /** Stores the snapshot of an episode noted {@link #started}; returns its path relative to the directory. */
    public synchronized String storeSnapshot(String eventId, byte[] jpeg) {
        Episode episode = episodes.get(eventId);
        if (episode == null) {
            throw new IllegalStateException("episode " + eventId + " was not started");
        }
        write(root.resolve(episode.dir()).resolve(SNAPSHOT), jpeg);
        put(new Episode(episode.eventId(), episode.streamId(), episode.firstFrameIndex(),
                episode.firstCaptureMicros(), episode.storedAtMicros(), episode.peakScore(), true, episode.clip()));
        return episode.dir() + "/" + SNAPSHOT;
    }

    /** Where an episode's clip is written (by {@link ClipWriter}, which gives it this name once finished). */
    synchronized Path clipFile(Episode episode) {
        Path dir = root.resolve(episode.dir());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(CLIP);
    }

    /** Notes an episode's final peak score (at its end). */
    public synchronized void ended(String eventId, double peakScore) {
        Episode episode = episodes.get(eventId);
        if (episode != null) {
            put(episode.peak(peakScore));
        }
    }

    /** Notes that an episode's clip is finished. */
    synchronized void clipFinished(String eventId) {
        Episode episode = episodes.get(eventId);
        if (episode != null) {
            put(episode.withClip());
        }
    }

    /**
     * Deletes the episodes older than {@code maxAge} and then, oldest first, those beyond {@code maxBytes} in all,
     * except {@code open} ones (being written); returns how many it deleted.
     */
    public synchronized int enforce(Duration maxAge, long maxBytes, Set<String> open) {
        List<EvidenceRetention.Stored> stored = new ArrayList<>();
        episodes.values().forEach(e -> stored.add(new EvidenceRetention.Stored(e.eventId(), e.storedAtMicros(),
                sizes.getOrDefault(e.eventId(), 0L))));
        List<String> victims = EvidenceRetention.victims(stored, open, clock.millis() * 1000, maxAge, maxBytes);
        for (String eventId : victims) {
            Episode episode = episodes.remove(eventId);
            sizes.remove(eventId);
            delete(root.resolve(episode.dir()));
            deleted++;
        }
        return victims.size();
    }

    /** A stream's stored episodes, newest first, at most {@code limit}. */
    public synchronized List<Episode> episodes(String streamId, int limit) {
        return episodes.values().stream().filter(e -> e.streamId().equals(streamId))
                .sorted(Comparator.comparingLong(Episode::storedAtMicros).reversed()
                        .thenComparing(Comparator.comparingLong(Episode::firstFrameIndex).reversed()))
                .limit(limit).toList();
    }

    /** Streams with stored episodes. */
    public synchronized List<String> streams() {
        return episodes.values().stream().map(Episode::streamId).distinct().sorted().toList();
    }

    /** The file {@code name} ({@link #SNAPSHOT} or {@link #CLIP}) of an episode, when it is stored. */
    public synchronized Optional<Path> file(String eventId, String name) {
        Episode episode = episodes.get(eventId);
        if (episode == null || !(name.equals(SNAPSHOT) ? episode.snapshot() : name.equals(CLIP) && episode.clip())) {
            return Optional.empty();
        }
        Path file = root.resolve(episode.dir()).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Episodes deleted by retention since this store was opened. */
    public synchronized long deleted() {
        return deleted;
    }

    /** Bytes stored in all. */
    public synchronized long bytes() {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Episodes stored. */
    public synchronized int size() {
        return episodes.size();
    }

    private void put(Episode episode) {
        Path dir = root.resolve(episode.dir());
        try {
            write(dir.resolve(MANIFEST), JSON.writeValueAsBytes(episode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        episodes.put(episode.eventId(), episode);
        sizes.put(episode.eventId(), size(dir));
    }

    /** Writes a file whole: to a temporary name in its directory, then moved over its own name. */
    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void scan() throws IOException {
        try (DirectoryStream<Path> streams = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path stream : streams) {
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stream, Files::isDirectory)) {
                    for (Path dir : dirs) {
                        read(dir.resolve(MANIFEST)).filter(e -> root.resolve(e.dir()).equals(dir))
                                .ifPresent(e -> {
                                    episodes.put(e.eventId(), e);
                                    sizes.put(e.eventId(), size(dir));
                                });
                    }
                }
            }
        }
        if (!episodes.isEmpty()) {
            LOG.info("{} episodes stored in {}", episodes.size(), root);
        }
    }

    private static Optional<Episode> read(Path manifest) {
        try {
            if (!Files.isRegularFile(manifest) || Files.size(manifest) > MAX_MANIFEST_BYTES) {
                return Optional.empty();
            }
            Episode episode = JSON.readValue(manifest.toFile(), Episode.class);
            return episode.eventId() == null || episode.streamId() == null ? Optional.empty() : Optional.of(episode);
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping {}: {}", manifest, e.getMessage());
            return Optional.empty();
        }
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

    private static void delete(Path dir) {
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
