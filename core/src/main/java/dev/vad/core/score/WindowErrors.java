package dev.vad.core.score;

/**
 * A window's squared errors per pixel, as the model that scored it gives them.
 *
 * @param map         {@code frames x height x width} squared errors, frame after frame
 * @param firstScored the window's first frame whose error is its own (a predicting model's context frames, and
 *                    frames scored with the window before, come earlier)
 * @param patch       side of the model's worst patch
 */
public record WindowErrors(float[] map, int firstScored, int patch) {
}
