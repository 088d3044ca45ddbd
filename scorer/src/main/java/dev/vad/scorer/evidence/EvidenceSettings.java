package dev.vad.scorer.evidence;

import dev.vad.common.config.ConfigReader;
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

    public boolean enabled() {
        return dir != null;
    }

    public static EvidenceSettings load(ConfigReader config) {
        String dir = config.string("evidence-dir", "");
        Duration preRoll = config.duration("evidence-pre-roll", OFF.preRoll());
        Duration postRoll = config.duration("evidence-post-roll", OFF.postRoll());
        for (String key : new String[] {"evidence-pre-roll", "evidence-post-roll"}) {
            Duration d = key.endsWith("pre-roll") ? preRoll : postRoll;
            if (d.compareTo(Duration.ofMinutes(5)) > 0) {
                config.problem(key, config.found(key), "at most 5m");
            }
        }
        Duration maxAge = config.positiveDuration("evidence-max-age", OFF.maxAge());
        return new EvidenceSettings(dir.isBlank() ? null : Path.of(dir), preRoll, postRoll, maxAge,
                bytes(config, "evidence-max-bytes", OFF.maxBytes(), 1L << 20),
                bytes(config, "evidence-buffer-bytes", OFF.bufferBytes(), 1L << 16));
    }

    /** A size such as {@code 2GiB}, {@code 500MiB}, {@code 64KiB} or a number of bytes, at least {@code min}. */
    static long bytes(ConfigReader config, String key, long defaultValue, long min) {
        String value = config.raw(key);
        if (value == null) {
            return defaultValue;
        }
        Matcher m = BYTES.matcher(value.trim().toLowerCase(Locale.ROOT).replace("_", ""));
        String expected = "a size of at least " + min + " bytes such as 500MiB or 2GiB (KiB, MiB, GiB, TiB or bytes)";
        if (!m.matches() || m.group(1).length() > 12) {
            config.problem(key, config.found(key), expected);
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
            config.problem(key, config.found(key), expected);
            return defaultValue;
        }
        return amount << shift;
    }
}
