package dev.vad.scorer;

import java.util.List;

/**
 * How a scorer run ended.
 *
 * @param model    model name
 * @param versions versions that scored windows, in the order they were used
 * @param windows  windows scored
 * @param rejected records sent to the dead-letter topic
 * @param note     why it stopped early, or null
 */
public record ScorerOutcome(String model, List<Long> versions, long windows, long rejected, String note) {

    public ScorerOutcome {
        versions = List.copyOf(versions);
    }
}
