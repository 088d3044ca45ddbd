package dev.vad.common.kafka;

import dev.vad.common.camera.CameraTable;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compacted camera registry topic: key = camera id, value = a {@link Camera} as JSON, a null value (tombstone)
 * removes the camera. Reads the whole topic, outside any consumer group, into the current cameras
 * ({@link CameraTable}); a value that is not a readable camera is skipped and told to the caller.
 */
public final class CameraRegistry implements AutoCloseable {

    /** The cameras the topic holds at the moment it was read, and the records skipped as unreadable. */
    public record Snapshot(Map<String, Camera> cameras, List<CameraTable.Skipped> skipped) {

        public Snapshot {
            cameras = Collections.unmodifiableMap(new TreeMap<>(cameras));
            skipped = List.copyOf(skipped);
        }
    }

    private final KafkaClients clients;
    private final String topic;
    private final String clientId;
    private final JsonCodec<Camera> codec = JsonCodec.cameras(WireLimits.DEFAULT);
    private Producer<String, byte[]> producer;

    public CameraRegistry(KafkaClients clients, String topic, String clientId) {
        this.clients = clients;
        this.topic = topic;
        this.clientId = clientId;
    }

    /** Reads the topic from its start to the end it had when called, within {@code timeout}. */
    public Snapshot read(Duration timeout) {
        try (CameraFeed feed = new CameraFeed(clients, topic, clientId + "-reader", camera -> List.of())) {
            feed.catchUp(timeout);
            return new Snapshot(feed.cameras(), feed.skipped());
        }
    }

    /** Writes a camera, replacing any record of its id, and waits for the broker's acknowledgement. */
    public void put(Camera camera, Duration timeout) {
        send(camera.cameraId(), codec.encode(camera), timeout);
    }

    /** Writes a tombstone for {@code cameraId} and waits for the broker's acknowledgement. */
    public void remove(String cameraId, Duration timeout) {
        send(cameraId, null, timeout);
    }

    private void send(String key, byte[] value, Duration timeout) {
        if (producer == null) {
            producer = clients.producer(clientId + "-writer", new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing camera " + key + " to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("could not write camera " + key + " to " + topic + ": "
                    + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
