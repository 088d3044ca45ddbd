package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each setting is declared once: the options and their {@code --help} come from the declarations, the settings
 * reference in the docs is the one they write, and a default the docs state elsewhere agrees with its declaration.
 * {@code -Dvad.write-settings-reference=true} rewrites {@code docs/reference/settings.md}.
 */
class SettingsReferenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path REFERENCE = ROOT.resolve("docs/reference/settings.md");
    private static final Pattern ROW = Pattern.compile("^\\| *([^|]*?) *\\| *((?:[^|\\\\]|\\\\\\|)*?) *\\|.*");
    private static final Pattern FLAG = Pattern.compile("`--([a-z0-9-]+)[^`]*`");

    private final CommandLine cli = Main.commandLine();
    private final SettingsReference reference = new SettingsReference(cli);

    @Test
    void theReferenceInTheDocsIsTheOneTheDeclarationsWrite() throws IOException {
        String written = reference.markdown();
        if (Boolean.getBoolean("vad.write-settings-reference")) {
            Files.writeString(REFERENCE, written, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("docs/reference/settings.md is not what the declarations write; rerun this test with"
                        + " -Dvad.write-settings-reference=true and commit the file")
                .isEqualTo(written);
    }

    @Test
    void everyDeclaredSettingIsAnOptionWithItsHelpLine() {
        cli.getSubcommands().forEach((name, command) -> {
            if (command.getCommand() instanceof Configured configured) {
                for (SettingGroup group : configured.settingGroups()) {
                    for (Setting<?> s : group.settings()) {
                        OptionSpec option = command.getCommandSpec().findOption(s.flag());
                        if (s.isEnvironmentOnly()) {
                            assertThat(option == null ? null : option.description()).as(name + " " + s.flag())
                                    .isNotEqualTo(new String[] {s.help()});
                        } else {
                            assertThat(option).as(name + " " + s.flag()).isNotNull();
                            assertThat(option.description()).as(name + " " + s.flag()).containsExactly(s.help());
                        }
                    }
                }
            }
        });
    }

    @Test
    void aGroupTitleNamesOneGroup() {
        Set<String> titles = new HashSet<>();
        reference.groups().keySet().forEach(group ->
                assertThat(titles.add(group.title())).as("two different groups titled " + group.title()).isTrue());
    }

    @Test
    void helpShowsTheDeclaredDefault() {
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("train", "--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--steps=N Training steps of a finite fit"
                + " (default 600).", "--topic-retention=DURATION Retention of new stream topics; vad.models is"
                + " compacted and kept (default 7d).");
    }

    @Test
    void defaultsStatedInTheDocsTablesAgreeWithTheDeclarations() throws IOException {
        Map<String, Set<String>> defaults = declaredDefaults();
        List<String> disagreements = new ArrayList<>();
        for (Path file : DocsCommandsTest.docs()) {
            if (file.startsWith(ROOT.resolve("docs/performance")) || file.equals(REFERENCE)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                int line = i;
                disagreement(lines.get(i), defaults).ifPresent(problem -> disagreements.add(
                        ROOT.relativize(file) + ":" + (line + 1) + ": " + problem));
            }
        }
        assertThat(disagreements).as("defaults in the docs that their declarations do not have").isEmpty();
    }

    @Test
    void aDefaultTheDocsGetWrongIsCaught() {
        Map<String, Set<String>> defaults = declaredDefaults();

        assertThat(disagreement("| `--steps N` | 600 | training steps |", defaults)).isEmpty();
        assertThat(disagreement("| `--topic-retention` | `7d` | retention |", defaults)).isEmpty();
        assertThat(disagreement("| `--steps N` | 6000 | training steps |", defaults)).isPresent();
        assertThat(disagreement("| `--topic-partitions` | `8` | partitions |", defaults)).isPresent();
    }

    /**
     * The words of every default of each key, over all commands (a key may have a command's own default, and a
     * default that differs by service names each: "9401 ingest, 9402 train, ...").
     */
    private Map<String, Set<String>> declaredDefaults() {
        Map<String, Set<String>> out = new HashMap<>();
        reference.groups().keySet().forEach(group -> group.settings().forEach(s -> {
            Set<String> words = out.computeIfAbsent(s.key(), k -> new HashSet<>());
            words.add(leading(s.defaultText()));
            words.addAll(List.of(s.defaultText().toLowerCase(Locale.ROOT).split("[\\s;,():]+")));
        }));
        return out;
    }

    /**
     * A table row whose first cell names one flag and whose second cell states its default, when that default's
     * first word is none of the flag's declared defaults' first words.
     */
    private static Optional<String> disagreement(String line, Map<String, Set<String>> defaults) {
        Matcher row = ROW.matcher(line);
        if (!row.matches()) {
            return Optional.empty();
        }
        Matcher flag = FLAG.matcher(row.group(1));
        if (!flag.find() || flag.find(flag.end()) || !row.group(1).startsWith("`--")) {
            return Optional.empty();
        }
        flag.find(0);
        Set<String> declared = defaults.get(flag.group(1));
        String stated = leading(row.group(2).replace("`", ""));
        if (row.group(2).startsWith("(")) {
            return Optional.empty();
        }
        if (declared == null || declared.contains(stated) || stated.startsWith("vad_")) {
            return Optional.empty();
        }
        return Optional.of("--" + flag.group(1) + ": the docs say " + stated + ", declared " + declared);
    }

    /** The first word of a default, lower case: {@code 600}, {@code 7d}, {@code future}, {@code none}. */
    private static String leading(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return "none";
        }
        return t.split("[\\s;,(:]", 2)[0];
    }
}
