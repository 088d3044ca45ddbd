package dev.vad.scorer.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code episode.json}, which describes a stored episode in its directory: an {@link EvidenceStore.Episode} with
 * snake-case field names. Read back leniently: unknown fields are ignored, and a file over {@value #MAX_BYTES}
 * bytes, one that does not parse or one without an event or stream id is skipped with a warning, never an error.
 */
final class EpisodeManifest {

    private static final Logger LOG = LoggerFactory.getLogger(EpisodeManifest.class);
    static final String NAME = "episode.json";
    static final long MAX_BYTES = 64 << 10;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EpisodeManifest() {
    }

    static byte[] encode(EvidenceStore.Episode episode) {
        try {
            return JSON.writeValueAsBytes(episode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The episode a manifest describes; empty when it is missing, too large, malformed or lacks an id. */
    static Optional<EvidenceStore.Episode> read(Path manifest) {
        try {
            if (!Files.isRegularFile(manifest) || Files.size(manifest) > MAX_BYTES) {
                return Optional.empty();
            }
            EvidenceStore.Episode episode = JSON.readValue(manifest.toFile(), EvidenceStore.Episode.class);
            return episode.eventId() == null || episode.streamId() == null ? Optional.empty() : Optional.of(episode);
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping {}: {}", manifest, e.getMessage());
            return Optional.empty();
        }
    }
}
