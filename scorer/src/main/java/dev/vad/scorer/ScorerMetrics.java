package dev.vad.scorer;

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

/** The scorer's metrics, names in one place. Per-stream meters are tagged {@code stream}. */
public final class ScorerMetrics {

    public static final String WINDOWS_SCORED = "vad.scorer.windows.scored";
    public static final String SCORING_LATENCY = "vad.scorer.scoring.latency";
    public static final String END_TO_END_LATENCY = "vad.scorer.e2e.latency";
    public static final String SCORE = "vad.scorer.score";
    public static final String CALIBRATED_SCORE = "vad.scorer.calibrated.score";
    public static final String CALIBRATED_SCORES = "vad.scorer.calibrated.scores";
    public static final String THRESHOLD = "vad.scorer.threshold";
    public static final String EVENTS = "vad.scorer.events";
    public static final String MODEL_VERSION = "vad.scorer.model.version";
    public static final String MODEL_SWAPS = "vad.scorer.model.swaps";
    public static final String CONSUMER_LAG = "vad.scorer.consumer.lag";
    public static final String BATCH_SIZE = "vad.scorer.batch.size";
    public static final String WINDOWS_SKIPPED = "vad.scorer.windows.skipped";
    public static final String MODELS_REJECTED = "vad.scorer.models.rejected";

    private final MeterRegistry registry;
    private final String model;
    private final Timer scoringLatency;
    private final DistributionSummary batchSize;
    private final Counter swaps;
    private final Counter skipped;
    private final Counter modelsRejected;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final Map<String, PerStream> streams = new ConcurrentHashMap<>();

    public ScorerMetrics(MeterRegistry registry, String model, double threshold) {
        this.registry = registry;
        this.model = model;
        scoringLatency = Timer.builder(SCORING_LATENCY).description("Time to score one batch of windows")
                .publishPercentileHistogram().register(registry);
        batchSize = DistributionSummary.builder(BATCH_SIZE).description("Windows scored together")
                .publishPercentileHistogram().maximumExpectedValue(1024.0).register(registry);
        swaps = Counter.builder(MODEL_SWAPS).tag("model", model).description("Model versions swapped in")
                .register(registry);
        skipped = Counter.builder(WINDOWS_SKIPPED).description("Windows passed over while no model was loaded")
                .register(registry);
        modelsRejected = Counter.builder(MODELS_REJECTED).tag("model", model)
                .description("Model records that could not be read or loaded").register(registry);
        Gauge.builder(MODEL_VERSION, version, AtomicLong::get).tag("model", model)
                .description("Version scoring now").register(registry);
        Gauge.builder(CONSUMER_LAG, lag, AtomicLong::get).description("Windows on the frames topic not yet scored")
                .register(registry);
        Gauge.builder(THRESHOLD, () -> threshold).description("Calibrated threshold in force").register(registry);
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
        s.score.set(Double.doubleToLongBits(score.windowScore()));
        s.calibrated.set(Double.doubleToLongBits(score.calibratedScore()));
        s.calibratedScores.record(score.calibratedScore());
        if (endToEndMicros >= 0) {
            s.endToEnd.record(Duration.ofNanos(endToEndMicros * 1000));
        }
    }

    void event(AnomalyEvent event) {
        Counter.builder(EVENTS).tag("stream", event.streamId())
                .tag("kind", event.kind().name().toLowerCase(Locale.ROOT))
                .tag("phase", event.phase().name().toLowerCase(Locale.ROOT))
                .description("Episode records emitted").register(registry).increment();
    }

    /** Removes a forgotten stream's meters, so meters stay as bounded as the streams tracked. */
    void forget(String stream) {
        PerStream s = streams.remove(stream);
        if (s != null) {
            s.meters.forEach(registry::remove);
        }
        registry.find(EVENTS).tag("stream", stream).meters().forEach(registry::remove);
    }

    void lag(long windows) {
        lag.set(windows);
    }

    /** Meters of one stream. */
    private final class PerStream {
        final Counter windows;
        final AtomicLong score = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final AtomicLong calibrated = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final DistributionSummary calibratedScores;
        final Timer endToEnd;
        final List<Meter> meters = new ArrayList<>();

        PerStream(String stream) {
            windows = Counter.builder(WINDOWS_SCORED).tag("stream", stream).tag("model", model)
                    .description("Windows scored").register(registry);
            meters.add(windows);
            meters.add(Gauge.builder(SCORE, score, b -> Double.longBitsToDouble(b.get())).tag("stream", stream)
                    .description("Raw score of the stream's latest window").register(registry));
            meters.add(Gauge.builder(CALIBRATED_SCORE, calibrated, b -> Double.longBitsToDouble(b.get()))
                    .tag("stream", stream).description("Calibrated score of the stream's latest window")
                    .register(registry));
            calibratedScores = DistributionSummary.builder(CALIBRATED_SCORES).tag("stream", stream)
                    .description("Calibrated window scores").serviceLevelObjectives(1, 2, 4, 8, 16)
                    .register(registry);
            endToEnd = Timer.builder(END_TO_END_LATENCY).tag("stream", stream)
                    .description("From the window's last frame capture to its score published (live sources)")
                    .publishPercentileHistogram().register(registry);
            meters.add(calibratedScores);
            meters.add(endToEnd);
        }
    }
}
