package dev.vad.model.fit;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.WindowView;

/** Window models out of published artifacts. */
public final class WindowModels {

    /** Patch side when an artifact does not say. */
    public static final int DEFAULT_PATCH = 8;

    private WindowModels() {
    }

    /** The model an artifact describes: its network, the natural view of its windows, its normalisation. */
    public static WindowModel fromArtifact(ModelArtifact artifact) {
        ModelHeader h = artifact.header();
        WindowView view = WindowView.natural(h.dimensions(), h.windowFrames(), h.frameHeight(), h.frameWidth());
        int patch = Integer.parseInt(h.hyperParameters().getOrDefault("patch", Integer.toString(DEFAULT_PATCH)));
        return new WindowModel(ModelArtifacts.unpack(artifact), view, h.normalisation(), patch);
    }
}
