package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/security.md: its ACL table is the one {@code vad acls} prints (its commands parse: {@link DocsCommandsTest}). */
class SecurityDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "security.md");

    @Test
    void theAclTableOfTheDocsIsTheOneVadAclsPrintsForEveryPart() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("acls", "--replay-principal", "User:replay", "--demo-principal", "User:demo",
                "--eval-principal", "User:eval", "--camera-principal", "User:camera", "--format", "markdown"))
                .isZero();
        List<String> table = out.toString().lines().toList();

        List<String> page = Files.readAllLines(PAGE);
        int start = page.indexOf(table.get(0));
        assertThat(start).as("the table's header in " + PAGE).isNotNegative();
        int end = start;
        while (end < page.size() && page.get(end).startsWith("|")) {
            end++;
        }
        assertThat(page.subList(start, end)).containsExactlyElementsOf(table);
    }
}
