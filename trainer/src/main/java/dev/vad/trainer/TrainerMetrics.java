package dev.vad.trainer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The trainer's metrics, names in one place, tagged with the model name. */
public final class TrainerMetrics {

    public static final String STEPS = "vad.trainer.steps";
    public static final String SAMPLES = "vad.trainer.samples";
    public static final String SAMPLES_PER_SECOND = "vad.trainer.samples.per.second";
    public static final String WINDOWS_CONSUMED = "vad.trainer.windows.consumed";
    public static final String LOSS = "vad.trainer.loss";
    public static final String VALIDATION_LOSS = "vad.trainer.validation.loss";
    public static final String LEARNING_RATE = "vad.trainer.learning.rate";
    public static final String VERSIONS_PUBLISHED = "vad.trainer.versions.published";
    public static final String MODEL_VERSION = "vad.trainer.model.version";
    public static final String LAST_PUBLISH = "vad.trainer.last.publish.seconds";
    public static final String CONSUMER_LAG = "vad.trainer.consumer.lag";
    public static final String BUFFER_FILL = "vad.trainer.buffer.fill";

    private final Counter steps;
    private final Counter samples;
    private final Counter windowsConsumed;
    private final Counter versionsPublished;
    private final Gauges values = new Gauges();

    public TrainerMetrics(MeterRegistry registry, String model) {
        steps = Counter.builder(STEPS).tag("model", model).description("Training steps taken").register(registry);
        samples = Counter.builder(SAMPLES).tag("model", model).description("Windows trained on, with repeats")
                .register(registry);
        windowsConsumed = Counter.builder(WINDOWS_CONSUMED).tag("model", model)
                .description("Windows read from the frames topic and accepted").register(registry);
        versionsPublished = Counter.builder(VERSIONS_PUBLISHED).tag("model", model)
                .description("Model versions published").register(registry);
        gauge(registry, SAMPLES_PER_SECOND, model, values.samplesPerSecond, "Training throughput, windows per second");
        gauge(registry, LOSS, model, values.loss, "Loss of the last training batch");
        gauge(registry, VALIDATION_LOSS, model, values.validationLoss, "Loss on the held-out windows");
        gauge(registry, LEARNING_RATE, model, values.learningRate, "Learning rate in force");
        gauge(registry, MODEL_VERSION, model, values.version, "Newest version published");
        gauge(registry, LAST_PUBLISH, model, values.lastPublish, "When the newest version was published, epoch s");
        gauge(registry, CONSUMER_LAG, model, values.lag, "Windows on the frames topic not yet consumed");
        gauge(registry, BUFFER_FILL, model, values.bufferFill, "Fill of the replay buffer, 0 to 1");
    }

    void stepped(int batchWindows, double loss, double learningRate, double samplesPerSecond) {
        steps.increment();
        samples.increment(batchWindows);
        set(values.loss, loss);
        set(values.learningRate, learningRate);
        set(values.samplesPerSecond, samplesPerSecond);
    }

    void consumed(double bufferFill) {
        windowsConsumed.increment();
        set(values.bufferFill, bufferFill);
    }

    void validated(double validationLoss) {
        set(values.validationLoss, validationLoss);
    }

    void published(long version, long epochSeconds) {
        versionsPublished.increment();
        set(values.version, version);
        set(values.lastPublish, epochSeconds);
    }

    void lag(long windows) {
        set(values.lag, windows);
    }

    private static void gauge(MeterRegistry registry, String name, String model, AtomicLong bits, String help) {
        Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get())).tag("model", model).description(help)
                .register(registry);
    }

    private static void set(AtomicLong bits, double value) {
        bits.set(Double.doubleToLongBits(value));
    }

    /** Gauge values as the bits of doubles (read by the registry from another thread). */
    private static final class Gauges {
        final AtomicLong samplesPerSecond = new AtomicLong(Double.doubleToLongBits(0));
        final AtomicLong loss = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final AtomicLong validationLoss = new AtomicLong(Double.doubleToLongBits(Double.NaN));
        final AtomicLong learningRate = new AtomicLong(Double.doubleToLongBits(0));
        final AtomicLong version = new AtomicLong(Double.doubleToLongBits(0));
        final AtomicLong lastPublish = new AtomicLong(Double.doubleToLongBits(0));
        final AtomicLong lag = new AtomicLong(Double.doubleToLongBits(0));
        final AtomicLong bufferFill = new AtomicLong(Double.doubleToLongBits(0));
    }
}
