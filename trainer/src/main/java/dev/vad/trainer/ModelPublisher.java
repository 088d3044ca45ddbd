package dev.vad.trainer;

import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.OffsetRange;
import dev.vad.model.Autoencoder;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a model version: packs the network with its header, writes it to the model directory (atomically) and
 * sends it to the compacted models topic, returning only once Kafka has acknowledged it.
 */
final class ModelPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final Producer<String, ModelArtifact> producer;
    private final String topic;
    private final ModelDirectory directory;
    private final Clock clock;

    /**
     * @param directory where artifacts are also written, or null
     */
    ModelPublisher(Producer<String, ModelArtifact> producer, String topic, ModelDirectory directory, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.directory = directory;
        this.clock = clock;
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

    /**
     * The artifact of a fitted network: its description, training figures, calibration and lineage.
     *
     * @param network the network to ship (the fitted model's, or a snapshot of its best state)
     * @param parent  version the model continued from, or 0
     */
    ModelArtifact artifact(String name, long version, Autoencoder network, WindowModel model, WindowFormat format,
                           ModelFitter.Fitted fitted, TrainingSession session, TrainerSettings settings,
                           List<OffsetRange> lineage, long parent) {
        FitSettings fit = settings.fit();
        TreeMap<String, String> hyper = new TreeMap<>();
        hyper.put("preset", fit.preset().id());
        hyper.put("mode", settings.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        hyper.put("batch_windows", Integer.toString(fit.batchWindows()));
        hyper.put("learning_rate", Double.toString(fit.learningRate()));
        hyper.put("learning_rate_now", Double.toString(session.learningRate()));
        hyper.put("patch", Integer.toString(model.patch()));
        hyper.put("buffer_windows", Integer.toString(settings.bufferWindows()));
        hyper.put("validation_one_in", Integer.toString(settings.validationOneIn()));
        if (parent > 0) {
            hyper.put("parent_version", Long.toString(parent));
        }
        TreeMap<String, Double> figures = new TreeMap<>();
        figures.put("loss", fitted.trainingLoss());
        figures.put("validation_loss", fitted.validationLoss());
        figures.put("steps", (double) fitted.steps());
        figures.put("training_windows", (double) session.trainingWindows());
        figures.put("validation_windows", (double) session.validationWindows());
        int[] shape = network.spec().inputShape().stream().mapToInt(Integer::intValue).toArray();
        ModelHeader header = new ModelHeader(name, version, fit.preset().id(), fit.dimensions(),
                model.view().describe(), shape, format.frames(), format.width(), format.height(), format.format(),
                model.normalisation(), hyper, fit.seed(), lineage,
                new TreeMap<>(fitted.calibration()), figures, clock.millis() * 1000);
        return ModelArtifacts.pack(network, header);
    }
}
