package dev.vad.trainer;

import dev.vad.common.metrics.VadMetric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The trainer's metrics ({@link VadMetric}), tagged with the model name. */
public final class TrainerMetrics {

    private final Counter steps;
    private final Counter samples;
    private final Counter windowsConsumed;
    private final Counter versionsPublished;
    private final Gauges values = new Gauges();

    public TrainerMetrics(MeterRegistry registry, String model) {
        steps = VadMetric.TRAINER_STEPS.counter().tag("model", model).register(registry);
        samples = VadMetric.TRAINER_SAMPLES.counter().tag("model", model).register(registry);
        windowsConsumed = VadMetric.TRAINER_WINDOWS_CONSUMED.counter().tag("model", model).register(registry);
        versionsPublished = VadMetric.TRAINER_VERSIONS_PUBLISHED.counter().tag("model", model).register(registry);
        gauge(registry, VadMetric.TRAINER_SAMPLES_PER_SECOND, model, values.samplesPerSecond);
        gauge(registry, VadMetric.TRAINER_LOSS, model, values.loss);
        gauge(registry, VadMetric.TRAINER_VALIDATION_LOSS, model, values.validationLoss);
        gauge(registry, VadMetric.TRAINER_LEARNING_RATE, model, values.learningRate);
        gauge(registry, VadMetric.TRAINER_MODEL_VERSION, model, values.version);
        gauge(registry, VadMetric.TRAINER_LAST_PUBLISH, model, values.lastPublish);
        gauge(registry, VadMetric.TRAINER_CONSUMER_LAG, model, values.lag);
        gauge(registry, VadMetric.TRAINER_BUFFER_FILL, model, values.bufferFill);
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

    private static void gauge(MeterRegistry registry, VadMetric metric, String model, AtomicLong bits) {
        metric.gauge(bits, b -> Double.longBitsToDouble(b.get())).tag("model", model).register(registry);
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
