package dev.vad.common.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One setting, declared once: its key (the flag {@code --key} and the environment variable {@code VAD_KEY}), how
 * its value is read and checked, its default, and what it means. The command line's options, their {@code --help}
 * text and the settings reference ({@code docs/reference/settings.md}) are generated from these declarations, and
 * the loaders read values through them ({@link #from(ConfigReader)}), so a default is written in one place.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    /** How a key's value is read, falling back to a default; problems are recorded in the reader. */
    @FunctionalInterface
    public interface Read<T> {
        T read(ConfigReader config, String key, T defaultValue);
    }

    private final String key;
    private final String label;
    private final String accepts;
    private final T defaultValue;
    private final String defaultText;
    private final String description;
    private final boolean switchable;
    private final boolean environmentOnly;
    private final Read<T> read;

    private Setting(String key, String label, String accepts, T defaultValue, String defaultText,
                    String description, boolean switchable, boolean environmentOnly, Read<T> read) {
        if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a setting's key is lower-case words joined by dashes: " + key);
        }
        if (description.isBlank() || description.endsWith(".")) {
            throw new IllegalArgumentException("a setting's description is a phrase without a final full stop: "
                    + key);
        }
        this.key = key;
        this.label = label;
        this.accepts = accepts;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.description = description;
        this.switchable = switchable;
        this.environmentOnly = environmentOnly;
        this.read = read;
    }

    /** An integer from {@code min} to {@code max}. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String description) {
        return new Setting<>(key, "N", range(min, max), defaultValue, Integer.toString(defaultValue), description, false, false,
                (config, k, d) -> config.integer(k, d, min, max));
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Long> longInteger(String key, long defaultValue, long min, long max, String description) {
        return new Setting<>(key, "N", range(min, max), defaultValue, Long.toString(defaultValue), description, false, false,
                (config, k, d) -> config.longValue(k, d, min, max));
    }

    /** A number from {@code min} to {@code max}. */
    public static Setting<Double> decimal(String key, String label, double defaultValue, double min, double max,
                                          String description) {
        return new Setting<>(key, label, "a number from " + number(min) + " to " + number(max), defaultValue,
                number(defaultValue), description, false, false, (config, k, d) -> config.decimal(k, d, min, max));
    }

    /** True or false; the flag alone means true. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<>(key, "BOOL", "true or false", defaultValue, Boolean.toString(defaultValue), description,
                true, false, ConfigReader::bool);
    }

    /** A duration ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 7d}); zero allowed. */
    public static Setting<Duration> duration(String key, Duration defaultValue, String description) {
        return new Setting<>(key, "DURATION", "a duration (500ms, 30s, 2m, 1h, 7d)", defaultValue,
                durationText(defaultValue), description, false, false, ConfigReader::duration);
    }

    /** A duration longer than zero (a timeout, an interval). */
    public static Setting<Duration> positiveDuration(String key, Duration defaultValue, String description) {
        return new Setting<>(key, "DURATION", "a positive duration (500ms, 30s, 2m, 1h, 7d)", defaultValue,
                durationText(defaultValue), description, false, false, ConfigReader::positiveDuration);
    }

    /** One of an enum's constants, written in lower case with dashes. */
    public static <E extends Enum<E>> Setting<E> choice(String key, Class<E> type, E defaultValue,
                                                        String description) {
        String names = Arrays.stream(type.getEnumConstants()).map(Setting::choiceName)
                .collect(Collectors.joining("|"));
        return new Setting<>(key, names, "one of " + names.replace("|", ", "), defaultValue,
                defaultValue == null ? "" : choiceName(defaultValue), description, false, false,
                (config, k, d) -> config.choice(k, type, d));
    }

    /** Text, checked (if at all) by its loader; a null default means none. */
    public static Setting<String> text(String key, String label, String defaultValue, String description) {
        return new Setting<>(key, label, "text", defaultValue, defaultValue == null ? "" : defaultValue, description,
                false, false, ConfigReader::string);
    }

    /** The same setting with another default (a service's own port, a command's own step count). */
    public Setting<T> withDefault(T value) {
        String text = value instanceof Duration d ? durationText(d) : value instanceof Enum<?> e ? choiceName(e)
                : value instanceof Double n ? number(n) : Objects.toString(value, "");
        return new Setting<>(key, label, accepts, value, text, description, switchable, environmentOnly, read);
    }

    /** The same setting with its default described in words, for a default that depends on other settings. */
    public Setting<T> defaultText(String words) {
        return new Setting<>(key, label, accepts, defaultValue, words, description, switchable, environmentOnly,
                read);
    }

    /** The same setting with another placeholder in {@code --help} ({@code FILE}, {@code HOST:PORT}). */
    public Setting<T> label(String placeholder) {
        return new Setting<>(key, placeholder, accepts, defaultValue, defaultText, description, switchable,
                environmentOnly, read);
    }

    /** The same setting described as accepting these values (for text a loader checks further). */
    public Setting<T> accepts(String values) {
        return new Setting<>(key, label, values, defaultValue, defaultText, description, switchable,
                environmentOnly, read);
    }

    /** The same setting read from its environment variable only (no flag: a secret, a rarely changed limit). */
    public Setting<T> environmentOnly() {
        return new Setting<>(key, label, accepts, defaultValue, defaultText, description, switchable, true, read);
    }

    /** The value given, or the default. */
    public T from(ConfigReader config) {
        return read.read(config, key, defaultValue);
    }

    /** The value given, or {@code contextDefault} (a default computed from other settings). */
    public T from(ConfigReader config, T contextDefault) {
        return read.read(config, key, contextDefault);
    }

    /** True when a flag or the environment gives this setting. */
    public boolean given(ConfigReader config) {
        return config.raw(key) != null;
    }

    public String key() {
        return key;
    }

    /** {@code --key}. */
    public String flag() {
        return "--" + key;
    }

    /** {@code VAD_KEY}. */
    public String environmentName() {
        return ConfigReader.environmentName(key);
    }

    /** The value's placeholder in {@code --help}. */
    public String label() {
        return label;
    }

    /** What values it takes, in words. */
    public String accepts() {
        return accepts;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as written in help and docs, or empty when there is none. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** True for a flag that may be given without a value, meaning true. */
    public boolean switchable() {
        return switchable;
    }

    /** True for a setting that has no flag, only its environment variable. */
    public boolean isEnvironmentOnly() {
        return environmentOnly;
    }

    /** The {@code --help} line: the description with its default. */
    public String help() {
        return description + (defaultText.isEmpty() ? "" : " (default " + defaultText + ")") + ".";
    }

    @Override
    public String toString() {
        return flag();
    }

    private static String choiceName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String range(long min, long max) {
        boolean noMax = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
        if (min == Long.MIN_VALUE && noMax) {
            return "an integer";
        }
        return noMax ? "an integer of at least " + min : "an integer from " + min + " to " + max;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    static String durationText(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        } else if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
