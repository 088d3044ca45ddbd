package dev.vad.trainer;

import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.ModelArtifact;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a model version (built by {@link dev.vad.core.train.ArtifactBuilder}): writes it to the model directory
 * (atomically) and sends it to the compacted models topic, returning only once Kafka has acknowledged it.
 */
final class ModelPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final Producer<String, ModelArtifact> producer;
    private final String topic;
    private final ModelDirectory directory;

    /**
     * @param directory where artifacts are also written, or null
     */
    ModelPublisher(Producer<String, ModelArtifact> producer, String topic, ModelDirectory directory) {
        this.producer = producer;
        this.topic = topic;
        this.directory = directory;
    }

    ModelArtifact publish(ModelArtifact artifact) throws InterruptedException {
        if (directory != null) {
            directory.write(artifact);
        }
        try {
            producer.send(new ProducerRecord<>(topic, artifact.key(), artifact))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused model " + artifact.header().name() + "@"
                    + artifact.header().version() + " on " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge model " + artifact.header().name() + "@"
                    + artifact.header().version() + " on " + topic + " within " + ACK_TIMEOUT, e);
        }
        return artifact;
    }
}
