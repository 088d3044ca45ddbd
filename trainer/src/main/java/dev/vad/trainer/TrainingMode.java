package dev.vad.trainer;

import java.util.Locale;

/** How long the trainer learns. */
public enum TrainingMode {
    /** Learn while the stream flows, publishing a new version whenever validation improves. */
    CONTINUAL,
    /** Learn from the first windows of a stream (a count or a duration), publish one model, stop. */
    FIT_THEN_FREEZE,
    /** Learn from a range of the frames topic, publish one model whose lineage is that range, stop. */
    REPLAY;

    /** As {@code --mode} takes it and a model's header names it: {@code continual}, {@code fit-then-freeze}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
