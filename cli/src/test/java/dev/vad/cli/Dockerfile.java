package dev.vad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as Docker reads it, as far as the stack's tests need: instructions with their continuation
 * lines joined and comments dropped, grouped into the stages its {@code FROM} lines open.
 */
record Dockerfile(List<Dockerfile.Stage> stages) {

    /** One instruction: its keyword upper-cased, its flags ({@code --from=build}) and its other words. */
    record Instruction(String keyword, List<String> flags, List<String> words, String arguments) {
    }

    /** The instructions from one {@code FROM} to the next; {@code name} is its {@code AS} name, or empty. */
    record Stage(String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        /** The stage's working directory: its last {@code WORKDIR}, or "/". */
        String workdir() {
            List<Instruction> workdirs = all("WORKDIR");
            return workdirs.isEmpty() ? "/" : workdirs.get(workdirs.size() - 1).arguments();
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (String line : logicalLines(Files.readAllLines(file))) {
            Instruction instruction = parse(line);
            if (instruction.keyword().equals("FROM")) {
                List<String> words = instruction.words();
                String name = words.size() == 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : "";
                current = new ArrayList<>();
                stages.add(new Stage(name, current));
            } else if (current != null) {
                current.add(instruction);
            }
        }
        return new Dockerfile(stages.stream().map(s -> new Stage(s.name(), List.copyOf(s.instructions()))).toList());
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage named " + name + " in the Dockerfile"));
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    private static List<String> logicalLines(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            joined.add(pending.toString().strip());
            pending.setLength(0);
        }
        return joined;
    }

    private static Instruction parse(String line) {
        String[] keywordAndRest = line.split("\\s+", 2);
        String rest = keywordAndRest.length > 1 ? keywordAndRest[1] : "";
        List<String> flags = new ArrayList<>();
        String arguments = rest;
        while (arguments.startsWith("--")) {
            String[] flagAndRest = arguments.split("\\s+", 2);
            flags.add(flagAndRest[0]);
            arguments = flagAndRest.length > 1 ? flagAndRest[1] : "";
        }
        List<String> words = arguments.isBlank() ? List.of() : Arrays.asList(arguments.split("\\s+"));
        return new Instruction(keywordAndRest[0].toUpperCase(Locale.ROOT), List.copyOf(flags), List.copyOf(words),
                arguments);
    }
}
