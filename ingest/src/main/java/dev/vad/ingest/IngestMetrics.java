package dev.vad.ingest;

import dev.vad.common.metrics.VadMetric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The ingest service's metrics ({@link VadMetric}), one instance per stream (tagged {@code stream}). */
public final class IngestMetrics {

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
        framesDecoded = VadMetric.INGEST_FRAMES_DECODED.counter().tag("stream", streamId).register(registry);
        droppedInGaps = VadMetric.INGEST_FRAMES_DROPPED.counter().tag("stream", streamId).tag("reason", "gap")
                .register(registry);
        droppedAtEnd = VadMetric.INGEST_FRAMES_DROPPED.counter().tag("stream", streamId).tag("reason", "tail")
                .register(registry);
        decodeErrors = VadMetric.INGEST_DECODE_ERRORS.counter().tag("stream", streamId).register(registry);
        windowsPublished = VadMetric.INGEST_WINDOWS_PUBLISHED.counter().tag("stream", streamId).register(registry);
        publishErrors = VadMetric.INGEST_PUBLISH_ERRORS.counter().tag("stream", streamId).register(registry);
        publishLatency = VadMetric.INGEST_PUBLISH_LATENCY.timer().tag("stream", streamId).publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100))
                .register(registry);
        reconnects = VadMetric.INGEST_RECONNECTS.counter().tag("stream", streamId).register(registry);
        gaps = VadMetric.INGEST_GAPS.counter().tag("stream", streamId).register(registry);
        VadMetric.INGEST_SOURCE_FPS.gauge(fpsMillis, v -> v.get() / 1000.0).tag("stream", streamId)
                .register(registry);
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
