package dev.vad.common.config;

/**
 * One thing wrong with the configuration.
 *
 * @param key      the setting, as its flag and environment variable name it (e.g. {@code --window-frames / VAD_WINDOW_FRAMES})
 * @param found    the value found and where it came from, or {@code nothing} when a required value is missing
 * @param expected what a valid value looks like
 */
public record ConfigProblem(String key, String found, String expected) {

    @Override
    public String toString() {
        return key + ": expected " + expected + ", found " + found;
    }
}
