package dev.vad.trainer;

/** How long the trainer learns. */
public enum TrainingMode {
    /** Learn while the stream flows, publishing a new version whenever validation improves. */
    CONTINUAL,
    /** Learn from the first windows of a stream (a count or a duration), publish one model, stop. */
    FIT_THEN_FREEZE,
    /** Learn from a range of the frames topic, publish one model whose lineage is that range, stop. */
    REPLAY
}
