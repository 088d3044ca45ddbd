package dev.vad.scorer.evidence;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether and where the scorer stores a snapshot and a clip of each anomaly episode, and how much.
 *
 * @param dir         directory of the evidence, or null for none (the default)
 * @param preRoll     how long before an episode's first frame its clip starts (default 3s)
 * @param postRoll    how long after its last high frame its clip ends (default 2s)
 * @param maxAge      episodes stored longer ago are deleted (default 7d)
 * @param maxBytes    beyond this total the oldest episodes are deleted (default 2 GiB)
 * @param bufferBytes recent frames kept per stream for the pre-roll at most (default 16 MiB); a pre-roll whose
 *                    frames do not fit is shorter
 */
public record EvidenceSettings(Path dir, Duration preRoll, Duration postRoll, Duration maxAge, long maxBytes,
                               long bufferBytes) {

    public static final EvidenceSettings OFF = new EvidenceSettings(null, Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofDays(7), 2L << 30, 16L << 20);

    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(|b|kib|mib|gib|tib)");
    private static final String[] UNITS = {"", "KiB", "MiB", "GiB", "TiB"};
    private static final Duration MAX_ROLL = Duration.ofMinutes(5);
    private static final long MIN_MAX_BYTES = 1L << 20;
    private static final long MIN_BUFFER_BYTES = 1L << 16;

    public static final Setting<String> DIR = Setting.text("evidence-dir", "DIR", null, "Store a snapshot and a"
            + " clip of each anomaly episode under DIR/<stream>/<first frame>/").defaultText("none: no evidence")
            .accepts("a directory");
    public static final Setting<Duration> PRE_ROLL = roll("evidence-pre-roll", OFF.preRoll(),
            "How long before an episode's first frame its clip starts, at most 5m");
    public static final Setting<Duration> POST_ROLL = roll("evidence-post-roll", OFF.postRoll(),
            "How long after an episode's last high frame its clip ends, at most 5m");
    public static final Setting<Duration> MAX_AGE = Setting.positiveDuration("evidence-max-age", OFF.maxAge(),
            "Delete episodes stored longer ago than this");
    public static final Setting<String> MAX_BYTES = size("evidence-max-bytes", OFF.maxBytes(), MIN_MAX_BYTES,
            "Delete the oldest episodes beyond this total, e.g. 500MiB");
    public static final Setting<String> BUFFER_BYTES = size("evidence-buffer-bytes", OFF.bufferBytes(),
            MIN_BUFFER_BYTES, "Recent frames kept per stream for the pre-roll at most");

    /** Where and how much evidence (a snapshot and a clip per anomaly episode) the scorer stores. */
    public static final SettingGroup SETTINGS = SettingGroup.of("evidence", DIR, PRE_ROLL, POST_ROLL, MAX_AGE,
            MAX_BYTES, BUFFER_BYTES);

    public boolean enabled() {
        return dir != null;
    }

    public static EvidenceSettings load(ConfigReader config) {
        String dir = DIR.from(config);
        Duration preRoll = PRE_ROLL.from(config);
        Duration postRoll = POST_ROLL.from(config);
        requireRollAtMost5m(config, PRE_ROLL, preRoll);
        requireRollAtMost5m(config, POST_ROLL, postRoll);
        Duration maxAge = MAX_AGE.from(config);
        return new EvidenceSettings(dir == null || dir.isBlank() ? null : Path.of(dir), preRoll, postRoll, maxAge,
                bytes(config, MAX_BYTES, OFF.maxBytes(), MIN_MAX_BYTES),
                bytes(config, BUFFER_BYTES, OFF.bufferBytes(), MIN_BUFFER_BYTES));
    }

    /** A size such as {@code 2GiB}, {@code 500MiB}, {@code 64KiB} or a number of bytes, at least {@code min}. */
    static long bytes(ConfigReader config, Setting<String> setting, long defaultValue, long min) {
        if (!setting.given(config)) {
            return defaultValue;
        }
        String key = setting.key();
        Matcher m = BYTES.matcher(setting.from(config).toLowerCase(Locale.ROOT).replace("_", ""));
        if (!m.matches() || m.group(1).length() > 12) {
            config.problem(key, config.found(key), setting.accepts());
            return defaultValue;
        }
        int shift = switch (m.group(2)) {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            case "tib" -> 40;
            default -> 0;
        };
        long amount = Long.parseLong(m.group(1));
        if (amount > (Long.MAX_VALUE >> shift) || (amount << shift) < min) {
            config.problem(key, config.found(key), setting.accepts());
            return defaultValue;
        }
        return amount << shift;
    }

    private static void requireRollAtMost5m(ConfigReader config, Setting<Duration> setting, Duration value) {
        if (value.compareTo(MAX_ROLL) > 0) {
            config.problem(setting.key(), config.found(setting.key()), "at most 5m");
        }
    }

    /** A clip's margin before or after its episode, at most {@link #MAX_ROLL}. */
    private static Setting<Duration> roll(String key, Duration defaultValue, String description) {
        return Setting.duration(key, defaultValue, description).accepts("a duration of at most 5m (500ms, 3s, 2m)");
    }

    /** A size in bytes, KiB, MiB, GiB or TiB, at least {@code min}, read by {@link #bytes}. */
    private static Setting<String> size(String key, long defaultValue, long min, String description) {
        return Setting.text(key, "SIZE", sizeText(defaultValue), description).accepts("a size of at least " + min
                + " bytes such as 500MiB or 2GiB (KiB, MiB, GiB, TiB or bytes)");
    }

    /** {@code 2GiB} for 2 << 30: the largest unit that divides the size. */
    private static String sizeText(long bytes) {
        int unit = 0;
        while (unit < UNITS.length - 1 && bytes != 0 && bytes % 1024 == 0) {
            bytes /= 1024;
            unit++;
        }
        return bytes + UNITS[unit];
    }
}
