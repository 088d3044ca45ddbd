package dev.vad.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a benchmark output line of space-separated {@code name=value} fields (values without spaces). */
final class OutputFields {
    private OutputFields() {
    }

    /** The fields of {@code line} in order; words without '=' are ignored. */
    static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String word : line.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return fields;
    }
}
