package dev.vad.core.train;

import dev.vad.model.fit.FitSettings;

/**
 * How a {@link TrainingSession} learns, whatever its windows come from.
 *
 * @param fit               network, batch, learning rate, seed, patch size; {@code steps} bounds a finite fit
 * @param bufferWindows     capacity of the replay buffer of training windows
 * @param validationOneIn   one window in this many (by stream and sequence) is held out for validation
 * @param validationWindows capacity of the held-out sample
 * @param patience          validations without improvement before the learning rate halves; a finite fit stops
 *                          early after three halvings
 */
public record TrainingSettings(FitSettings fit, int bufferWindows, int validationOneIn, int validationWindows,
                               int patience) {

    public TrainingSettings {
        if (fit == null) {
            throw new IllegalArgumentException("training needs fit settings");
        }
        if (bufferWindows < 1 || validationWindows < 1 || patience < 1) {
            throw new IllegalArgumentException("training needs bufferWindows, validationWindows and patience >= 1,"
                    + " found " + bufferWindows + ", " + validationWindows + ", " + patience);
        }
    }
}
