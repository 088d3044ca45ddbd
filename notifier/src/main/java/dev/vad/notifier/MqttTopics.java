package dev.vad.notifier;

import java.nio.charset.StandardCharsets;

/**
 * MQTT topic names of events: {@code <prefix>/<stream id>/events}. A stream id becomes exactly one topic level:
 * the characters MQTT gives a meaning ({@code /} separates levels, {@code +} and {@code #} are wildcards), control
 * characters and {@code %} itself are percent-encoded as UTF-8 bytes, so two stream ids never share a topic and a
 * subscriber can decode the level back. {@code gate/1} is {@code vad/gate%2F1/events}.
 */
public final class MqttTopics {

    /** What MQTT allows a topic to be at most, in UTF-8 bytes. */
    static final int MAX_TOPIC_BYTES = 65_535;

    private MqttTopics() {
    }

    /** The topic of a stream's events under {@code prefix} (a valid prefix, see {@link #prefixProblem}). */
    public static String events(String prefix, String streamId) {
        return prefix + "/" + level(streamId) + "/events";
    }

    /** A stream id as one topic level: no separator, no wildcard, no control character. */
    public static String level(String streamId) {
        StringBuilder out = new StringBuilder(streamId.length());
        streamId.codePoints().forEach(c -> {
            if (c == '/' || c == '+' || c == '#' || c == '%' || Character.isISOControl(c)) {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * What is wrong with a topic prefix, or null when it is fine: it must be one or more levels without wildcards,
     * control characters or empty levels, and not start with {@code $} (the brokers' own topics).
     */
    public static String prefixProblem(String prefix) {
        if (prefix.isEmpty()) {
            return "it is empty";
        }
        if (prefix.startsWith("$")) {
            return "topics starting with $ belong to the broker";
        }
        if (prefix.chars().anyMatch(c -> c == '+' || c == '#' || Character.isISOControl(c))) {
            return "it holds a wildcard (+ #) or a control character";
        }
        if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
            return "it has an empty level (a leading, trailing or doubled /)";
        }
        if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES / 2) {
            return "it is longer than " + MAX_TOPIC_BYTES / 2 + " bytes";
        }
        return null;
    }
}
