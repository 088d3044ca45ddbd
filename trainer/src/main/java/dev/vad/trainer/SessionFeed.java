package dev.vad.trainer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.core.train.TrainingSession;
import dev.vad.core.train.WindowFormat;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.fit.WindowModels;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the windows a trainer reads into its {@link TrainingSession}: the first window shapes a new model (unless
 * the run continues the newest published version), a window of another shape is a dead letter
 * ({@code shape_mismatch}), and every other one goes, by {@link ValidationSplit}, into the session's reservoir or
 * its validation sample, its offset into the run's {@link Lineage}. The mode of a range read as it is; the group
 * modes hand their records on to it.
 */
final class SessionFeed implements ConsumerLoop.Mode<FrameWindow> {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFeed.class);

    private final TrainerSettings settings;
    private final TrainerMetrics metrics;
    private final ConsumerLoop<FrameWindow> loop;
    private Lineage lineage;
    private TrainingSession session;
    private WindowFormat format;
    private long accepted;

    SessionFeed(TrainerSettings settings, TrainerMetrics metrics, ConsumerLoop<FrameWindow> loop) {
        this.settings = settings;
        this.metrics = metrics;
        this.loop = loop;
    }

    @Override
    public boolean take(ConsumerRecord<?, byte[]> record, FrameWindow window) {
        if (session == null) {
            start(window);
        }
        if (!format.matches(window)) {
            loop.reject(record, "shape_mismatch", "model " + settings.modelName() + " learns windows of " + format
                    + ", found " + WindowFormat.of(window));
            return true;
        }
        session.accept(window);
        lineage.record(record.partition(), record.offset());
        accepted++;
        metrics.consumed(session.bufferFill());
        return true;
    }

    /**
     * Continues {@code artifact}, the newest published version, when it has this run's design; else the first
     * window starts a new model.
     *
     * @param nextVersion the version this run publishes first, for the log
     */
    void continueFrom(ModelArtifact artifact, long nextVersion) {
        ModelHeader h = artifact.header();
        if (!h.architecture().equals(settings.fit().preset().id()) || h.dimensions() != settings.dimensions()) {
            LOG.info("newest version {}@{} is a {} {}D model; this run trains a new {} {}D model as version {}",
                    h.name(), h.version(), h.architecture(), h.dimensions(), settings.fit().preset().id(),
                    settings.dimensions(), nextVersion);
            return;
        }
        WindowModel model = WindowModels.fromArtifact(artifact);
        model.network().setLearningRate(settings.fit().learningRate());
        format = WindowFormat.of(h);
        begin(model, Lineage.continuing(settings.topics().frames(), h.trainedOn()));
        LOG.info("continuing {}@{} (trained on {})", h.name(), h.version(), h.trainedOn());
    }

    /** Whether the session holds enough windows to train and validate on. */
    boolean ready() {
        return session != null && session.ready();
    }

    /** The session; null before the first window (or the version it continues). */
    TrainingSession session() {
        return session;
    }

    Lineage lineage() {
        return lineage;
    }

    WindowFormat format() {
        return format;
    }

    /** Windows accepted for training or validation. */
    long accepted() {
        return accepted;
    }

    /** A fresh model shaped by the first window. */
    private void start(FrameWindow first) {
        format = WindowFormat.of(first);
        WindowModel model = ModelFitter.create(first, settings.fit());
        begin(model, Lineage.fresh(settings.topics().frames()));
        LOG.info("training a new {} {}D model {} on windows of {} frames of {}x{} {}",
                settings.fit().preset().id(), settings.dimensions(), settings.modelName(), first.frameCount(),
                first.width(), first.height(), first.pixelFormat());
    }

    private void begin(WindowModel model, Lineage newLineage) {
        lineage = newLineage;
        session = new TrainingSession(model, settings.training());
    }
}
