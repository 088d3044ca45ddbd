package dev.vad.scorer;

import dev.vad.core.score.ActiveModel;
import dev.vad.common.wire.ModelArtifact;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model version a scorer scores with now, and every version it has used: a newer version that loads takes the
 * slot; one that cannot be loaded is counted and skipped, and the scorer keeps the model it has.
 */
final class ModelSlot {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSlot.class);

    private final ScorerMetrics metrics;
    private final List<Long> versions = new ArrayList<>();
    private ActiveModel active;

    ModelSlot(ScorerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Loads a version and makes it the active one when it is newer; false when it is not, or cannot be loaded. */
    boolean offer(ModelArtifact artifact) {
        if (active != null && artifact.header().version() <= active.header().version()) {
            return false;
        }
        ActiveModel loaded;
        try {
            loaded = ActiveModel.of(artifact);
        } catch (RuntimeException e) {
            metrics.modelRejected();
            LOG.error("cannot load {}@{}, keeping {}: {}", artifact.header().name(), artifact.header().version(),
                    active == null ? "none" : active, e.getMessage());
            return false;
        }
        LOG.info("{} {}", active == null ? "scoring with" : "swapped in", loaded);
        metrics.swapped(loaded.header().version(), active == null);
        active = loaded;
        versions.add(loaded.header().version());
        return true;
    }

    /** The model scoring now, or null before the first. */
    ActiveModel active() {
        return active;
    }

    /** The versions that took the slot, in order. */
    List<Long> versions() {
        return List.copyOf(versions);
    }
}
