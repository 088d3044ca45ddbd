package dev.vad.core.train;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.OffsetRange;
import dev.vad.model.Autoencoder;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import java.util.List;
import java.util.TreeMap;

/**
 * The artifact of a network a {@link TrainingSession} fitted: the header that describes it (design, view, input
 * shape and window format, normalisation, hyper-parameters, seed, lineage, calibration statistics, training figures)
 * packed with the network. What the trainer publishes and what an evaluation scores with.
 */
public final class ArtifactBuilder {

    private final TrainingSession session;
    private final WindowFormat format;
    private String name;
    private long version;
    private String mode;
    private long parentVersion;
    private List<OffsetRange> trainedOn = List.of();

    /**
     * @param session the session that fitted the network
     * @param format  the windows it learned
     */
    public ArtifactBuilder(TrainingSession session, WindowFormat format) {
        this.session = session;
        this.format = format;
    }

    /**
     * @param mode how it was trained ({@code continual}, {@code fit-then-freeze}, {@code replay}, {@code eval})
     */
    public ArtifactBuilder named(String name, long version, String mode) {
        this.name = name;
        this.version = version;
        this.mode = mode;
        return this;
    }

    /** The version the model continued from (none by default). */
    public ArtifactBuilder continuing(long parentVersion) {
        this.parentVersion = parentVersion;
        return this;
    }

    /** The offset ranges of the frames topic the model learned from (none by default). */
    public ArtifactBuilder trainedOn(List<OffsetRange> ranges) {
        this.trainedOn = List.copyOf(ranges);
        return this;
    }

    /**
     * @param network       the network to ship (the session's, or a snapshot of its best state)
     * @param fitted        the figures and calibration statistics of that network's validation
     * @param createdMicros creation time, microseconds since the epoch
     * @throws IllegalStateException when the model was not named first
     */
    public ModelArtifact build(Autoencoder network, ModelFitter.Fitted fitted, long createdMicros) {
        if (name == null) {
            throw new IllegalStateException("name the model before building its artifact: named(name, version, mode)");
        }
        TrainingSettings settings = session.settings();
        FitSettings fit = settings.fit();
        WindowModel model = session.model();
        TreeMap<String, String> hyper = new TreeMap<>();
        hyper.put("preset", fit.preset().id());
        hyper.put("mode", mode);
        hyper.put("batch_windows", Integer.toString(fit.batchWindows()));
        hyper.put("learning_rate", Double.toString(fit.learningRate()));
        hyper.put("learning_rate_now", Double.toString(session.learningRate()));
        hyper.put("patch", Integer.toString(model.patch()));
        hyper.put("buffer_windows", Integer.toString(settings.bufferWindows()));
        hyper.put("validation_one_in", Integer.toString(settings.validationOneIn()));
        if (parentVersion > 0) {
            hyper.put("parent_version", Long.toString(parentVersion));
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
                model.normalisation(), hyper, fit.seed(), trainedOn, new TreeMap<>(fitted.calibration()), figures,
                createdMicros);
        return ModelArtifacts.pack(network, header);
    }
}
