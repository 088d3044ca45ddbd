package dev.vad.scorer;

import dev.vad.common.metrics.VadMetric;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.ScoreRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The scorer's metrics ({@link VadMetric}). Per-stream meters are tagged {@code stream}. */
public final class ScorerMetrics {

    private final MeterRegistry registry;
    private final String model;
    private final Timer scoringLatency;
    private final DistributionSummary batchSize;
    private final Counter swaps;
    private final Counter skipped;
    private final Counter modelsRejected;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong cameras = new AtomicLong();
    private final Map<String, PerStream> streams = new ConcurrentHashMap<>();

    public ScorerMetrics(MeterRegistry registry, String model) {
        this.registry = registry;
        this.model = model;
        scoringLatency = VadMetric.SCORER_SCORING_LATENCY.timer().publishPercentileHistogram().register(registry);
        batchSize = VadMetric.SCORER_BATCH_SIZE.summary().publishPercentileHistogram().maximumExpectedValue(1024.0).register(registry);
        swaps = VadMetric.SCORER_MODEL_SWAPS.counter().tag("model", model).register(registry);
        skipped = VadMetric.SCORER_WINDOWS_SKIPPED.counter().register(registry);
        modelsRejected = VadMetric.SCORER_MODELS_REJECTED.counter().tag("model", model).register(registry);
        VadMetric.SCORER_MODEL_VERSION.gauge(version, AtomicLong::get).tag("model", model).register(registry);
        VadMetric.SCORER_CONSUMER_LAG.gauge(lag, AtomicLong::get).register(registry);
        VadMetric.SCORER_CAMERAS.gauge(cameras, AtomicLong::get).register(registry);
    }

    void cameras(int count) {
        cameras.set(count);
    }

    void swapped(long newVersion, boolean first) {
        version.set(newVersion);
        if (!first) {
            swaps.increment();
        }
    }

    void skipped(int windows) {
        skipped.increment(windows);
    }

    void modelRejected() {
        modelsRejected.increment();
    }

    void batch(int windows, long nanos) {
        batchSize.record(windows);
        scoringLatency.record(Duration.ofNanos(nanos));
    }

    void scored(ScoreRecord score, long endToEndMicros) {
        PerStream s = streams.computeIfAbsent(score.streamId(), PerStream::new);
        s.windows.increment();
        s.frames.increment(score.frames().size());
        s.score.set(Double.doubleToLongBits(score.windowScore()));
        s.calibrated.set(Double.doubleToLongBits(score.calibratedScore()));
        s.threshold.set(Double.doubleToLongBits(score.threshold()));
        s.calibratedScores.record(score.calibratedScore());
        if (endToEndMicros >= 0) {
            s.endToEnd.record(Duration.ofNanos(endToEndMicros * 1000));
        }
    }

    void event(AnomalyEvent event) {
        VadMetric.SCORER_EVENTS.counter().tag("stream", event.streamId())
                .tag("kind", event.kind().name().toLowerCase(Locale.ROOT))
                .tag("phase", event.phase().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** Removes a forgotten stream's meters, so meters stay as bounded as the streams tracked. */
    void forget(String stream) {
        PerStream s = streams.remove(stream);
        if (s != null) {
            s.meters.forEach(registry::remove);
        }
        registry.find(VadMetric.SCORER_EVENTS.meterName()).tag("stream", stream).meters().forEach(registry::remove);
    }

    void lag(long windows) {
        lag.set(windows);
    }

    /** Meters of one stream. */
    private final class PerStream {
        final Counter windows;
        final Counter frames;
        final AtomicLong score = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final AtomicLong calibrated = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final AtomicLong threshold = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final DistributionSummary calibratedScores;
        final Timer endToEnd;
        final List<Meter> meters = new ArrayList<>();

        PerStream(String stream) {
            windows = VadMetric.SCORER_WINDOWS_SCORED.counter().tag("stream", stream).tag("model", model)
                    .register(registry);
            meters.add(windows);
            frames = VadMetric.SCORER_FRAMES_SCORED.counter().tag("stream", stream).tag("model", model)
                    .register(registry);
            meters.add(frames);
            meters.add(VadMetric.SCORER_SCORE.gauge(score, b -> Double.longBitsToDouble(b.get()))
                    .tag("stream", stream).register(registry));
            meters.add(VadMetric.SCORER_CALIBRATED_SCORE.gauge(calibrated, b -> Double.longBitsToDouble(b.get()))
                    .tag("stream", stream).register(registry));
            meters.add(VadMetric.SCORER_THRESHOLD.gauge(threshold, b -> Double.longBitsToDouble(b.get()))
                    .tag("stream", stream).register(registry));
            calibratedScores = VadMetric.SCORER_CALIBRATED_SCORES.summary().tag("stream", stream).serviceLevelObjectives(1, 2, 4, 8, 16)
                    .register(registry);
            endToEnd = VadMetric.SCORER_END_TO_END_LATENCY.timer().tag("stream", stream).publishPercentileHistogram().register(registry);
            meters.add(calibratedScores);
            meters.add(endToEnd);
        }
    }
}
