package dev.vad.ingest.cameras;

import dev.vad.ingest.IngestService;
import dev.vad.ingest.StreamPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cameras an ingest instance runs, kept equal to the cameras wanted: it stops, restarts and starts their streams
 * on the ingest service, and starts again a live camera whose stream ended (it could not be opened, or was given up
 * after {@code --max-reconnects}) once {@code --reconnect-max} has passed, so that a camera that reboots or comes
 * online later is read again. Used by one thread; {@link #cameras()} from any.
 */
final class CameraRoster {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRoster.class);

    private final IngestService service;
    private final StreamPolicy policy;
    private final Map<String, CameraStream> running = new TreeMap<>();
    private final Map<String, Long> endedAtNanos = new TreeMap<>();

    CameraRoster(IngestService service, StreamPolicy policy) {
        this.service = service;
        this.policy = policy;
    }

    /** Makes the running cameras those of {@code wanted}, then tries again the live ones whose stream ended. */
    void runOnly(Map<String, CameraStream> wanted) throws InterruptedException {
        StreamChanges changes = StreamChanges.between(running, wanted);
        for (String id : changes.stop()) {
            LOG.info("camera {}: {}", id, wanted.containsKey(id) ? "changed; stopping its stream to start it again"
                    : "removed, disabled or moved to another instance; stopping its stream");
        }
        service.stopStreams(changes.stop());
        synchronized (this) {
            changes.stop().forEach(running::remove);
        }
        for (CameraStream stream : changes.start()) {
            LOG.info("starting {}", stream);
            start(stream);
            synchronized (this) {
                running.put(stream.cameraId(), stream);
            }
        }
        retryEndedLiveStreams(System.nanoTime());
    }

    /** Stops every camera. */
    void stopAll() throws InterruptedException {
        service.stopStreams(cameras());
        synchronized (this) {
            running.clear();
        }
    }

    /** The ids of the cameras run now. */
    synchronized List<String> cameras() {
        return List.copyOf(running.keySet());
    }

    private void retryEndedLiveStreams(long now) {
        Duration delay = policy.backoff().max();
        endedAtNanos.keySet().retainAll(running.keySet());
        for (CameraStream stream : running.values()) {
            String id = stream.cameraId();
            if (!stream.source().kind().live() || !service.ended(id)) {
                endedAtNanos.remove(id);
                continue;
            }
            Long endedAt = endedAtNanos.putIfAbsent(id, now);
            if (endedAt == null) {
                LOG.info("camera {}: its stream ended; trying again in {}", id, delay);
            } else if (now - endedAt >= delay.toNanos()) {
                LOG.info("trying {} again", stream);
                endedAtNanos.remove(id);
                start(stream);
            }
        }
    }

    private void start(CameraStream stream) {
        service.startStream(stream.plan(policy), stream.geometry(), stream.shape(), stream.fps());
    }
}
