package dev.vad.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The ingest service's metrics, names in one place, one instance per stream (tagged {@code stream}). */
public final class IngestMetrics {

    public static final String FRAMES_DECODED = "vad.ingest.frames.decoded";
    public static final String FRAMES_DROPPED = "vad.ingest.frames.dropped";
    public static final String DECODE_ERRORS = "vad.ingest.decode.errors";
    public static final String WINDOWS_PUBLISHED = "vad.ingest.windows.published";
    public static final String PUBLISH_ERRORS = "vad.ingest.publish.errors";
    public static final String PUBLISH_LATENCY = "vad.ingest.publish.latency";
    public static final String RECONNECTS = "vad.ingest.reconnects";
    public static final String GAPS = "vad.ingest.gaps";
    public static final String SOURCE_FPS = "vad.ingest.source.fps";

    private final Counter framesDecoded;
    private final Counter droppedInGaps;
    private final Counter droppedAtEnd;
    private final Counter decodeErrors;
    private final Counter windowsPublished;
    private final Counter publishErrors;
    private final Timer publishLatency;
    private final Counter reconnects;
    private final Counter gaps;
    private final AtomicLong fpsMillis = new AtomicLong();

    public IngestMetrics(MeterRegistry registry, String streamId) {
        framesDecoded = Counter.builder(FRAMES_DECODED).tag("stream", streamId)
                .description("Frames decoded from the source").register(registry);
        droppedInGaps = Counter.builder(FRAMES_DROPPED).tag("stream", streamId).tag("reason", "gap")
                .description("Frames lost or discarded").register(registry);
        droppedAtEnd = Counter.builder(FRAMES_DROPPED).tag("stream", streamId).tag("reason", "tail")
                .description("Frames lost or discarded").register(registry);
        decodeErrors = Counter.builder(DECODE_ERRORS).tag("stream", streamId)
                .description("Frames that failed to decode and were skipped").register(registry);
        windowsPublished = Counter.builder(WINDOWS_PUBLISHED).tag("stream", streamId)
                .description("Windows acknowledged by Kafka").register(registry);
        publishErrors = Counter.builder(PUBLISH_ERRORS).tag("stream", streamId)
                .description("Windows Kafka refused").register(registry);
        publishLatency = Timer.builder(PUBLISH_LATENCY).tag("stream", streamId)
                .description("From send to acknowledgement").publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100))
                .register(registry);
        reconnects = Counter.builder(RECONNECTS).tag("stream", streamId)
                .description("Reconnections of a live source").register(registry);
        gaps = Counter.builder(GAPS).tag("stream", streamId)
                .description("Interruptions of a live source").register(registry);
        Gauge.builder(SOURCE_FPS, fpsMillis, v -> v.get() / 1000.0).tag("stream", streamId)
                .description("Frames per second decoded, over the last second").register(registry);
    }

    void frameDecoded() {
        framesDecoded.increment();
    }

    void droppedInGap(long frames) {
        droppedInGaps.increment(frames);
    }

    void droppedAtEnd(long frames) {
        droppedAtEnd.increment(frames);
    }

    void decodeError() {
        decodeErrors.increment();
    }

    void published(long latencyNanos) {
        windowsPublished.increment();
        publishLatency.record(Duration.ofNanos(latencyNanos));
    }

    void publishFailed() {
        publishErrors.increment();
    }

    void reconnected() {
        reconnects.increment();
    }

    void gap() {
        gaps.increment();
    }

    void sourceFps(double fps) {
        fpsMillis.set(Math.round(fps * 1000));
    }

    public double windowsPublished() {
        return windowsPublished.count();
    }

    public double framesDecoded() {
        return framesDecoded.count();
    }
}
