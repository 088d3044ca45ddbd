package dev.vad.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key lookup for all settings: a flag ({@code --window-frames}) wins over the environment
 * ({@code VAD_WINDOW_FRAMES}), which wins over the default. Typed reads never throw: each bad value is recorded,
 * and {@link #validate()} reports them all at once.
 */
public final class ConfigReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final List<ConfigProblem> problems = new ArrayList<>();

    /**
     * @param flags       values given on the command line, by key without the leading dashes
     * @param environment the process environment (or a test's stand-in)
     */
    public ConfigReader(Map<String, String> flags, Map<String, String> environment) {
        this.flags = Map.copyOf(flags);
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable that carries a key: {@code window-frames} is {@code VAD_WINDOW_FRAMES}. */
    public static String environmentName(String key) {
        return "VAD_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** The raw value of a key, or null when neither a flag nor the environment sets it. */
    public String raw(String key) {
        String flag = flags.get(key);
        return flag != null ? flag : environment.get(environmentName(key));
    }

    public String string(String key, String defaultValue) {
        String value = raw(key);
        return value == null ? defaultValue : value.trim();
    }

    /** A value that has no default: records a problem when it is absent or blank. */
    public String required(String key, String expected) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            problem(key, "nothing", expected);
            return null;
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        long value = longValue(key, defaultValue, min, max);
        return (int) value;
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim().replace("_", ""));
            if (parsed < min || parsed > max) {
                problem(key, found(key), "an integer from " + min + " to " + max);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(key, found(key), "an integer from " + min + " to " + max);
            return defaultValue;
        }
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed >= min && parsed <= max)) {
                problem(key, found(key), "a number from " + min + " to " + max);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(key, found(key), "a number from " + min + " to " + max);
            return defaultValue;
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> {
                problem(key, found(key), "true or false");
                yield defaultValue;
            }
        };
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or {@code 7d}. */
    public Duration duration(String key, Duration defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            problem(key, found(key), "a duration such as 500ms, 30s, 2m, 1h or 7d");
            return defaultValue;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A duration that must be longer than zero (a timeout, an interval). */
    public Duration positiveDuration(String key, Duration defaultValue) {
        Duration value = duration(key, defaultValue);
        if (value.isZero() || value.isNegative()) {
            problem(key, found(key), "a positive duration");
            return defaultValue;
        }
        return value;
    }

    /** One of an enum's constants, written in any case with dashes or underscores. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        problem(key, found(key), "one of " + String.join(", ", names));
        return defaultValue;
    }

    /** Environment variables under a prefix, e.g. {@code VAD_KAFKA_}, with the prefix removed, sorted by name. */
    public Map<String, String> environmentWithPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                out.put(name.substring(prefix.length()), value);
            }
        });
        return out;
    }

    /** Any other environment variable (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}), or null. */
    public String environmentVariable(String name) {
        return environment.get(name);
    }

    /** Records a problem with a key whose value is well-formed but wrong in context (e.g. stride > window). */
    public void problem(String key, String found, String expected) {
        problems.add(new ConfigProblem("--" + key + " / " + environmentName(key), found, expected));
    }

    /** The value of a key and where it came from, for messages. */
    public String found(String key) {
        if (flags.containsKey(key)) {
            return "'" + flags.get(key) + "' (flag)";
        }
        String env = environment.get(environmentName(key));
        return env == null ? "nothing" : "'" + env + "' (environment)";
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigException} listing every problem recorded so far, if any. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
