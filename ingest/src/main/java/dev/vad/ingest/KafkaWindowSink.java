package dev.vad.ingest;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.TimestampKind;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes windows to the frames topic keyed by stream id, through an idempotent {@code acks=all} producer whose
 * bounded buffer blocks {@link #publish} when the broker falls behind: a slow broker slows decoding.
 */
final class KafkaWindowSink implements WindowSink {

    private final Producer<String, FrameWindow> producer;
    private final String topic;
    private final Clock clock;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    KafkaWindowSink(Producer<String, FrameWindow> producer, String topic, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public void publish(FrameWindow window, IngestMetrics metrics) {
        checkHealthy();
        long timestampMs = window.timestampKind() == TimestampKind.WALL_CLOCK
                ? window.lastCaptureTimeMicros() / 1000 : clock.millis();
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, null, timestampMs, window.streamId(), window), (metadata, error) -> {
            if (error == null) {
                metrics.published(System.nanoTime() - sent);
            } else {
                metrics.publishFailed();
                failure.compareAndSet(null, error);
            }
        });
    }

    @Override
    public void checkHealthy() {
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("Kafka refused a window on " + topic + ": " + error.getMessage(), error);
        }
    }

    @Override
    public void flush() {
        producer.flush();
        checkHealthy();
    }
}
