package dev.vad.common.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one configuration, reported together. */
public class ConfigException extends IllegalArgumentException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " configuration problem" : " configuration problems") + ":"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
