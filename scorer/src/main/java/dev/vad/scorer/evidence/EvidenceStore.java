package dev.vad.scorer.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored episodes: an index of them (read back from their {@code episode.json} files when opened, so the list
 * survives a restart) over the {@link EvidenceDirectory}, through which files are found by episode id, never by a
 * path from outside, and from which {@link EvidenceRetention} picks what to delete. Thread-safe: the scorer writes
 * while the viewer reads.
 */
public final class EvidenceStore {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);
    public static final String SNAPSHOT = "snapshot.jpg";
    public static final String CLIP = "clip.mp4";

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

    private final EvidenceDirectory directory;
    private final Clock clock;
    private final Map<String, Episode> episodes = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private long deleted;

    private EvidenceStore(EvidenceDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Opens (creating it when missing) the evidence directory and reads back the episodes stored there.
     *
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static EvidenceStore open(Path root, Clock clock) {
        EvidenceStore store = new EvidenceStore(new EvidenceDirectory(root.toAbsolutePath().normalize()), clock);
        try {
            store.directory.create();
            store.scan();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the evidence directory " + root + " (" + e.getMessage()
                    + "); choose another --evidence-dir", e);
        }
        return store;
    }

    public Path root() {
        return directory.root();
    }

    /** Notes a new episode (as stored now), replacing any earlier one of the same id. */
    public synchronized void started(Episode episode) {
        Episode previous = episodes.remove(episode.eventId());
        if (previous != null) {
            directory.delete(previous);
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
        EvidenceDirectory.write(directory.of(episode).resolve(SNAPSHOT), jpeg);
        put(new Episode(episode.eventId(), episode.streamId(), episode.firstFrameIndex(),
                episode.firstCaptureMicros(), episode.storedAtMicros(), episode.peakScore(), true, episode.clip()));
        return episode.dir() + "/" + SNAPSHOT;
    }

    /** Where an episode's clip is written (by {@link ClipWriter}, which gives it this name once finished). */
    synchronized Path clipFile(Episode episode) {
        return directory.createFor(episode).resolve(CLIP);
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
            directory.delete(episode);
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
        Path file = directory.of(episode).resolve(name);
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

    /** Writes an episode's manifest and indexes it. */
    private void put(Episode episode) {
        long bytes = directory.writeManifest(episode);
        episodes.put(episode.eventId(), episode);
        sizes.put(episode.eventId(), bytes);
    }

    private void scan() throws IOException {
        for (Episode episode : directory.episodes()) {
            episodes.put(episode.eventId(), episode);
            sizes.put(episode.eventId(), directory.size(episode));
        }
        if (!episodes.isEmpty()) {
            LOG.info("{} episodes stored in {}", episodes.size(), directory.root());
        }
    }
}
