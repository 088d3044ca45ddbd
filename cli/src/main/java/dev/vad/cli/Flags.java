package dev.vad.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The flags a user actually typed, by key ({@code --window-frames 8} is {@code window-frames -> 8}), for the
 * configuration reader: flags win over {@code VAD_*} environment variables, which win over defaults.
 */
final class Flags {

    private Flags() {
    }

    static Map<String, String> given(CommandSpec spec) {
        Map<String, String> out = new HashMap<>();
        ParseResult parsed = spec.commandLine().getParseResult();
        for (OptionSpec option : parsed.matchedOptions()) {
            List<String> values = option.originalStringValues();
            String key = option.longestName().replaceFirst("^-+", "");
            if (option.arity().max() == 0) {
                out.put(key, "true");
            } else if (!values.isEmpty()) {
                out.put(key, values.get(values.size() - 1));
            }
        }
        return out;
    }
}
