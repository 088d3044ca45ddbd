package dev.vad.scorer.evidence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics of stored evidence, registered only when an evidence directory is set, which is why they live here
 * rather than in the pipeline's {@code VadMetric} list. The Anomalies dashboard shows them.
 */
public final class EvidenceMetrics {

    /** Episodes whose evidence retention deleted (by age or by the size cap). */
    public static final String DELETED = "vad.scorer.evidence.deleted";
    /** Episodes stored now. */
    public static final String EPISODES = "vad.scorer.evidence.episodes";
    /** Bytes stored now. */
    public static final String BYTES = "vad.scorer.evidence.bytes";
    /** Snapshots and clips that could not be stored. */
    public static final String FAILURES = "vad.scorer.evidence.failures";

    private EvidenceMetrics() {
    }

    public static void register(MeterRegistry registry, EvidenceStore store, EvidenceRecorder recorder) {
        FunctionCounter.builder(DELETED, store, EvidenceStore::deleted)
                .description("Episodes whose evidence retention deleted").register(registry);
        Gauge.builder(EPISODES, store, EvidenceStore::size).description("Episodes with stored evidence")
                .register(registry);
        Gauge.builder(BYTES, store, EvidenceStore::bytes).baseUnit("bytes").description("Evidence stored")
                .register(registry);
        FunctionCounter.builder(FAILURES, recorder, EvidenceRecorder::failures)
                .description("Snapshots and clips that could not be stored").register(registry);
    }
}
