package dev.vad.scorer.evidence;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.FrameWindow;
import dev.vad.core.score.WindowErrors;
import dev.vad.scorer.images.FrameImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the evidence of anomaly episodes as the scorer sees them: keeps each stream's recent frames
 * ({@link FrameRing}), stores a snapshot when an episode starts, writes its clip from the pre-roll before its first
 * frame while it lasts and until the post-roll after its last high frame has passed (or its stream ends, or the
 * scorer stops), and hands the episode's records back with the paths of their evidence. Retention runs after each
 * file stored. A failure to store evidence is logged and leaves the record without it; scoring goes on. Runs on
 * the scoring thread; not thread-safe.
 */
public final class EvidenceRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceRecorder.class);
    /** A clip longer than this is finished early (an episode that does not end). */
    static final long MAX_CLIP_MICROS = 10L * 60 * 1_000_000;
    /**
     * How much longer than the pre-roll the ring reaches back: an episode starts before the window that opens it
     * (its first frames in a row above the threshold), and its pre-roll counts from its first frame.
     */
    static final java.time.Duration RING_SLACK = java.time.Duration.ofSeconds(5);
    private static final double FALLBACK_FPS = 25;
    private static final float JPEG_QUALITY = 0.9f;

    private final EvidenceSettings settings;
    private final EvidenceStore store;
    private final Map<String, StreamEvidence> streams;
    private long failures;

    /**
     * @param maxStreams streams whose frames are kept at most; the least recently seen is forgotten beyond it
     */
    public EvidenceRecorder(EvidenceSettings settings, EvidenceStore store, int maxStreams) {
        this.settings = settings;
        this.store = store;
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StreamEvidence> eldest) {
                boolean drop = size() > maxStreams;
                if (drop) {
                    eldest.getValue().finishClip();
                }
                return drop;
            }
        };
    }

    /** What one stream is recording. */
    private final class StreamEvidence {
        final FrameRing ring = new FrameRing(settings.preRoll().plus(RING_SLACK).toNanos() / 1000,
                settings.bufferBytes());
        ClipWriter clip;
        String clipEpisode;
        long clipStartMicros;
        long clipEndMicros = Long.MAX_VALUE;

        void append(List<FrameRing.Frame> frames) {
            for (FrameRing.Frame frame : frames) {
                if (clip == null) {
                    return;
                }
                if (frame.captureMicros() > clipEndMicros
                        || frame.captureMicros() - clipStartMicros > MAX_CLIP_MICROS) {
                    finishClip();
                    return;
                }
                clip.write(frame.pixels(), 0);
            }
        }

        void finishClip() {
            if (clip == null) {
                return;
            }
            ClipWriter finishing = clip;
            String episode = clipEpisode;
            clip = null;
            clipEpisode = null;
            clipEndMicros = Long.MAX_VALUE;
            try {
                if (finishing.finish() != null) {
                    store.clipFinished(episode);
                    enforceRetention();
                }
            } catch (RuntimeException e) {
                failed("finish the clip of " + episode, e);
            }
        }
    }

    /**
     * Keeps a scored window's frames and stores the evidence of the anomaly episodes its records start and end.
     *
     * @param errors the window's errors when a record starts an anomaly episode, else null
     * @return the records, those of anomaly episodes with their evidence
     */
    public List<AnomalyEvent> record(FrameWindow window, List<AnomalyEvent> events, WindowErrors errors) {
        StreamEvidence stream = streams.computeIfAbsent(window.streamId(), id -> new StreamEvidence());
        List<FrameRing.Frame> added = stream.ring.add(window);
        try {
            stream.append(added);
        } catch (RuntimeException e) {
            failed("write the clip of " + stream.clipEpisode, e);
            stream.finishClip();
        }
        List<AnomalyEvent> out = new ArrayList<>(events.size());
        for (AnomalyEvent event : events) {
            out.add(event.kind() == AnomalyEvent.Kind.ANOMALY ? withEvidence(stream, window, event, errors)
                    : event);
        }
        if (window.endOfStream()) {
            stream.finishClip();
        }
        return out;
    }

    /** Finishes every clip being written. */
    @Override
    public void close() {
        streams.values().forEach(StreamEvidence::finishClip);
    }

    /** Evidence that could not be stored since the start. */
    public long failures() {
        return failures;
    }

    private AnomalyEvent withEvidence(StreamEvidence stream, FrameWindow window, AnomalyEvent event,
                                      WindowErrors errors) {
        EvidenceStore.Episode episode = new EvidenceStore.Episode(event.eventId(), event.streamId(),
                event.firstFrameIndex(), event.firstCaptureMicros(), 0, event.peakScore(), false, false);
        String base = episode.dir() + "/";
        switch (event.phase()) {
            case START -> {
                try {
                    store.started(episode);
                } catch (RuntimeException e) {
                    failed("store episode " + event.eventId(), e);
                    return event;
                }
                startClip(stream, event, episode);
                String snapshot = snapshot(window, event, errors);
                return event.withEvidence(new AnomalyEvent.Evidence(snapshot, null));
            }
            case UPDATE -> {
                return event.withEvidence(new AnomalyEvent.Evidence(
                        store.file(event.eventId(), EvidenceStore.SNAPSHOT).map(f -> base + EvidenceStore.SNAPSHOT)
                                .orElse(null), null));
            }
            default -> {
                store.ended(event.eventId(), event.peakScore());
                boolean recording = event.eventId().equals(stream.clipEpisode);
                if (recording) {
                    stream.clipEndMicros = event.lastCaptureMicros() + settings.postRoll().toNanos() / 1000;
                }
                return event.withEvidence(new AnomalyEvent.Evidence(
                        store.file(event.eventId(), EvidenceStore.SNAPSHOT).map(f -> base + EvidenceStore.SNAPSHOT)
                                .orElse(null), recording ? base + EvidenceStore.CLIP : null));
            }
        }
    }

    /**
     * Renders and stores the snapshot of the episode's first frame, or of the window's first frame with an error of
     * its own when the episode's first frame came before.
     */
    private String snapshot(FrameWindow window, AnomalyEvent start, WindowErrors errors) {
        if (errors == null) {
            return null;
        }
        try {
            int at = Math.min(errors.firstScored(), window.frameCount() - 1);
            while (at < window.frameCount() - 1 && window.frameIndices()[at] < start.firstFrameIndex()) {
                at++;
            }
            byte[] jpeg = FrameImages.jpeg(SnapshotRenderer.render(window.pixels(), errors.map(), at, window.width(),
                    window.height(), window.pixelFormat(), errors.patch()), JPEG_QUALITY);
            String path = store.storeSnapshot(start.eventId(), jpeg);
            enforceRetention();
            return path;
        } catch (RuntimeException e) {
            failed("store the snapshot of " + start.eventId(), e);
            return null;
        }
    }

    /** Starts the episode's clip with the kept frames from the pre-roll before its first frame on. */
    private void startClip(StreamEvidence stream, AnomalyEvent start, EvidenceStore.Episode episode) {
        stream.finishClip();
        long from = start.firstCaptureMicros() - settings.preRoll().toNanos() / 1000;
        try {
            Path file = store.clipFile(episode);
            stream.clip = ClipWriter.start(file, stream.ring.width(), stream.ring.height(), stream.ring.format(),
                    Math.max(1, Math.min(120, Math.round(stream.ring.framesPerSecond(FALLBACK_FPS)))));
            stream.clipEpisode = start.eventId();
            stream.clipStartMicros = from;
            stream.append(stream.ring.since(from));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: FFmpeg's natives could not be loaded on this machine.
            failed("start the clip of " + start.eventId(), e);
            stream.finishClip();
        }
    }

    private void enforceRetention() {
        Set<String> open = new HashSet<>();
        streams.values().forEach(s -> {
            if (s.clipEpisode != null) {
                open.add(s.clipEpisode);
            }
        });
        int deleted = store.enforce(settings.maxAge(), settings.maxBytes(), open);
        if (deleted > 0) {
            LOG.debug("retention deleted {} episodes of evidence", deleted);
        }
    }

    private void failed(String what, Throwable e) {
        if (failures++ == 0) {
            LOG.warn("cannot {}: {} (further failures are logged at debug)", what, e.getMessage());
        } else {
            LOG.debug("cannot {}: {}", what, e.getMessage());
        }
    }
}
