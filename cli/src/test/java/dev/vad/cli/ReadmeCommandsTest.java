package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./vad} command shown in the README parses with this build: concrete examples exactly, synopsis
 * lines ({@code [--flag X]}, {@code <...>}) by their command and flag names. README examples cannot rot.
 */
class ReadmeCommandsTest {

    private static final Pattern COMMAND = Pattern.compile("^(?:VAD_\\w+=\\S+\\s+)?\\./vad\\s+(.*)$");

    static List<String> readmeCommands() throws IOException {
        return commandsIn(Path.of("..", "README.md"));
    }

    /** Every {@code ./vad} command line of a Markdown file, continuation lines joined, comments removed. */
    static List<String> commandsIn(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = COMMAND.matcher(lines.get(i).trim());
            if (!m.matches()) {
                continue;
            }
            StringBuilder command = new StringBuilder(m.group(1));
            while (command.toString().stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
                command.setLength(command.toString().stripTrailing().length() - 1);
                command.append(' ').append(lines.get(++i).trim());
            }
            String text = command.toString().replaceAll("\\s+#.*$", "").replaceAll("&\\s*$", "").trim();
            commands.add(text.replaceAll("\\s+\\./vad\\s+.*$", ""));
        }
        return commands;
    }

    @Test
    void theReadmeShowsCommands() throws IOException {
        assertThat(readmeCommands()).contains("demo", "--help").hasSizeGreaterThan(10);
    }

    @Test
    void everyReadmeCommandParses() throws IOException {
        readmeCommands().forEach(ReadmeCommandsTest::assertParses);
    }

    /** A concrete example parses exactly; a synopsis line names a subcommand and only its flags. */
    static void assertParses(String command) {
        List<String> tokens = Arrays.asList(command.split("\\s+"));
        if (command.matches(".*(\\[|<|\\||\\.\\.\\.).*")) {
            checkSynopsis(command, tokens);
        } else {
            CommandLine cli = Main.commandLine();
            cli.parseArgs(tokens.toArray(String[]::new));
        }
    }

    private static void checkSynopsis(String command, List<String> tokens) {
        CommandLine root = Main.commandLine();
        CommandLine sub = root.getSubcommands().get(tokens.get(0));
        assertThat(sub).as("subcommand of '%s'", command).isNotNull();
        for (String token : tokens) {
            String flag = token.replaceAll("[\\[\\]]", "");
            if (flag.startsWith("--")) {
                assertThat(sub.getCommandSpec().findOption(flag)).as("%s in '%s'", flag, command).isNotNull();
            }
        }
    }
}
