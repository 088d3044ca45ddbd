package dev.vad.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Every metric the services publish: the one list that their code registers meters from and that the shipped
 * dashboards are checked against, so the two cannot drift apart.
 */
public enum VadMetric {

    INGEST_FRAMES_DECODED("vad.ingest.frames.decoded", Kind.COUNTER, "Frames decoded from the source"),
    INGEST_FRAMES_DROPPED("vad.ingest.frames.dropped", Kind.COUNTER, "Frames lost or discarded"),
    INGEST_DECODE_ERRORS("vad.ingest.decode.errors", Kind.COUNTER, "Frames that failed to decode and were skipped"),
    INGEST_WINDOWS_PUBLISHED("vad.ingest.windows.published", Kind.COUNTER, "Windows acknowledged by Kafka"),
    INGEST_PUBLISH_ERRORS("vad.ingest.publish.errors", Kind.COUNTER, "Windows Kafka refused"),
    INGEST_PUBLISH_LATENCY("vad.ingest.publish.latency", Kind.TIMER, "From send to acknowledgement"),
    INGEST_RECONNECTS("vad.ingest.reconnects", Kind.COUNTER, "Reconnections of a live source"),
    INGEST_GAPS("vad.ingest.gaps", Kind.COUNTER, "Interruptions of a live source"),
    INGEST_SOURCE_FPS("vad.ingest.source.fps", Kind.GAUGE, "Frames per second decoded, over the last second"),
    INGEST_STREAMS("vad.ingest.streams", Kind.GAUGE,
            "Streams this instance reads now: its sources, or the cameras of the registry it owns"),

    TRAINER_STEPS("vad.trainer.steps", Kind.COUNTER, "Training steps taken"),
    TRAINER_SAMPLES("vad.trainer.samples", Kind.COUNTER, "Windows trained on, with repeats"),
    TRAINER_SAMPLES_PER_SECOND("vad.trainer.samples.per.second", Kind.GAUGE,
            "Training throughput, windows per second"),
    TRAINER_WINDOWS_CONSUMED("vad.trainer.windows.consumed", Kind.COUNTER,
            "Windows read from the frames topic and accepted"),
    TRAINER_LOSS("vad.trainer.loss", Kind.GAUGE, "Loss of the last training batch"),
    TRAINER_VALIDATION_LOSS("vad.trainer.validation.loss", Kind.GAUGE, "Loss on the held-out windows"),
    TRAINER_LEARNING_RATE("vad.trainer.learning.rate", Kind.GAUGE, "Learning rate in force"),
    TRAINER_VERSIONS_PUBLISHED("vad.trainer.versions.published", Kind.COUNTER, "Model versions published"),
    TRAINER_MODEL_VERSION("vad.trainer.model.version", Kind.GAUGE, "Newest version published"),
    TRAINER_LAST_PUBLISH("vad.trainer.last.publish.seconds", Kind.GAUGE,
            "When the newest version was published, epoch s"),
    TRAINER_CONSUMER_LAG("vad.trainer.consumer.lag", Kind.GAUGE, "Windows on the frames topic not yet consumed"),
    TRAINER_BUFFER_FILL("vad.trainer.buffer.fill", Kind.GAUGE, "Fill of the replay buffer, 0 to 1"),

    SCORER_WINDOWS_SCORED("vad.scorer.windows.scored", Kind.COUNTER, "Windows scored"),
    SCORER_FRAMES_SCORED("vad.scorer.frames.scored", Kind.COUNTER, "Frames scored (the frames of the windows scored)"),
    SCORER_SCORING_LATENCY("vad.scorer.scoring.latency", Kind.TIMER, "Time to score one batch of windows"),
    SCORER_END_TO_END_LATENCY("vad.scorer.e2e.latency", Kind.TIMER,
            "From the window's last frame capture to its score published (live and paced sources)"),
    SCORER_SCORE("vad.scorer.score", Kind.GAUGE, "Raw score of the stream's latest window"),
    SCORER_CALIBRATED_SCORE("vad.scorer.calibrated.score", Kind.GAUGE,
            "Calibrated score of the stream's latest window"),
    SCORER_CALIBRATED_SCORES("vad.scorer.calibrated.scores", Kind.SUMMARY, "Calibrated window scores"),
    SCORER_THRESHOLD("vad.scorer.threshold", Kind.GAUGE,
            "Calibrated threshold in force for the stream: its camera's, or the scorer's"),
    SCORER_CAMERAS("vad.scorer.cameras", Kind.GAUGE, "Cameras in the registry"),
    SCORER_EVENTS("vad.scorer.events", Kind.COUNTER, "Episode records emitted"),
    SCORER_MODEL_VERSION("vad.scorer.model.version", Kind.GAUGE, "Version scoring now"),
    SCORER_MODEL_SWAPS("vad.scorer.model.swaps", Kind.COUNTER, "Model versions swapped in"),
    SCORER_CONSUMER_LAG("vad.scorer.consumer.lag", Kind.GAUGE, "Windows on the frames topic not yet scored"),
    SCORER_BATCH_SIZE("vad.scorer.batch.size", Kind.SUMMARY, "Windows scored together"),
    SCORER_WINDOWS_SKIPPED("vad.scorer.windows.skipped", Kind.COUNTER,
            "Windows passed over while no model was loaded"),
    SCORER_MODELS_REJECTED("vad.scorer.models.rejected", Kind.COUNTER,
            "Model records that could not be read or loaded"),

    DLQ_RECORDS("vad.dlq.records", Kind.COUNTER, "Records sent to the dead-letter topic, by service and reason");

    /** The Micrometer meter type, which decides the Prometheus series a meter appears as. */
    public enum Kind { COUNTER, GAUGE, TIMER, SUMMARY }

    private final String meterName;
    private final Kind kind;
    private final String description;

    VadMetric(String meterName, Kind kind, String description) {
        this.meterName = meterName;
        this.kind = kind;
        this.description = description;
    }

    /** The Micrometer name, dotted: {@code vad.scorer.windows.scored}. */
    public String meterName() {
        return meterName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** A counter builder with this metric's name and description. */
    public Counter.Builder counter() {
        require(Kind.COUNTER);
        return Counter.builder(meterName).description(description);
    }

    /** A gauge builder with this metric's name and description, reading {@code value} from {@code holder}. */
    public <T> Gauge.Builder<T> gauge(T holder, ToDoubleFunction<T> value) {
        require(Kind.GAUGE);
        return Gauge.builder(meterName, holder, value).description(description);
    }

    /** A timer builder with this metric's name and description. */
    public Timer.Builder timer() {
        require(Kind.TIMER);
        return Timer.builder(meterName).description(description);
    }

    /** A distribution summary builder with this metric's name and description. */
    public DistributionSummary.Builder summary() {
        require(Kind.SUMMARY);
        return DistributionSummary.builder(meterName).description(description);
    }

    /**
     * The names of the Prometheus series this metric is scraped as: counters end in {@code _total}, timers are in
     * seconds with {@code _count}, {@code _sum}, {@code _max} and {@code _bucket}, summaries have the same parts.
     */
    public List<String> prometheusSeries() {
        String base = meterName.replace('.', '_').toLowerCase(Locale.ROOT);
        return switch (kind) {
            case COUNTER -> List.of(base + "_total");
            case GAUGE -> List.of(base);
            case TIMER -> parts(base + "_seconds");
            case SUMMARY -> parts(base);
        };
    }

    private void require(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(meterName + " is a " + kind + ", not a " + wanted);
        }
    }

    private static List<String> parts(String base) {
        return List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
    }
}
