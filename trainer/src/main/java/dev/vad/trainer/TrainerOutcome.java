package dev.vad.trainer;

import java.util.List;

/**
 * How a trainer run ended.
 *
 * @param model    model name
 * @param versions versions published by this run, ascending
 * @param windows  windows accepted for training or validation
 * @param rejected records sent to the dead-letter topic
 * @param steps    training steps taken
 * @param note     why no model was published, or null
 */
public record TrainerOutcome(String model, List<Long> versions, long windows, long rejected, int steps, String note) {

    public TrainerOutcome {
        versions = List.copyOf(versions);
    }
}
