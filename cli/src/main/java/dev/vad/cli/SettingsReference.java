package dev.vad.cli;

import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings reference ({@code docs/reference/settings.md}), written from the commands' setting declarations: each
 * group once, with the commands that take it, then each command's options that are not settings (repeatable or
 * read by the command itself).
 */
final class SettingsReference {

    private final CommandLine root;

    SettingsReference(CommandLine root) {
        this.root = root;
    }

    /** Every group, in the order the commands first take them, with the commands that take it. */
    Map<SettingGroup, List<String>> groups() {
        Map<SettingGroup, List<String>> out = new LinkedHashMap<>();
        commands().forEach((name, command) -> {
            if (command.getCommand() instanceof Configured configured) {
                configured.settingGroups().forEach(group -> out.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(name));
            }
        });
        return out;
    }

    /** Each command's options that no declaration generates, by command. */
    Map<String, List<OptionSpec>> commandLineOnly() {
        Map<String, List<OptionSpec>> out = new LinkedHashMap<>();
        commands().forEach((name, command) -> {
            List<String> declared = new ArrayList<>();
            if (command.getCommand() instanceof Configured configured) {
                configured.settingGroups().forEach(g -> g.settings().stream().filter(s -> !s.isEnvironmentOnly())
                        .forEach(s -> declared.add(s.flag())));
            }
            List<OptionSpec> own = command.getCommandSpec().options().stream()
                    .filter(o -> !o.usageHelp() && !o.versionHelp() && !declared.contains(o.longestName()))
                    .toList();
            if (!own.isEmpty()) {
                out.put(name, own);
            }
        });
        return out;
    }

    /** Every command under the root, subcommands after their parent, by name ({@code camera add}). */
    private Map<String, CommandLine> commands() {
        Map<String, CommandLine> out = new LinkedHashMap<>();
        addCommands("", root, out);
        return out;
    }

    private static void addCommands(String prefix, CommandLine parent, Map<String, CommandLine> out) {
        parent.getSubcommands().forEach((name, command) -> {
            out.put(prefix + name, command);
            addCommands(prefix + name + " ", command, out);
        });
    }

    String markdown() {
        StringBuilder md = new StringBuilder("""
                # Settings

                Every setting of every command, with its default. Each is a flag and an environment variable:
                `--window-frames 8` is `VAD_WINDOW_FRAMES=8`; flags win over the environment, which wins over the
                default. A few are read from the environment only (passwords, record size limits), and the fields of
                `vad camera` from flags only. How values are written (durations, booleans) and what a bad value does:
                [configuration](../operations/configuration.md).
                The same text is each command's `--help`.
                """);
        groups().forEach((group, commands) -> {
            md.append("\n## ").append(group.title()).append("\n\n");
            md.append("Taken by ").append(String.join(", ", commands.stream().map(c -> "`" + c + "`").toList()))
                    .append(".\n\n");
            md.append("| flag | environment | default | accepts | meaning |\n|---|---|---|---|---|\n");
            for (Setting<?> s : group.settings()) {
                md.append("| ").append(s.isEnvironmentOnly() ? "(environment only)" : code(s.flag() + " "
                                + s.label()))
                        .append(" | ").append(group.fromFlagsOnly() ? "(flag only)" : code(s.environmentName()))
                        .append(" | ").append(s.defaultText().isEmpty() ? "none" : cell(s.defaultText()))
                        .append(" | ").append(cell(s.accepts()))
                        .append(" | ").append(cell(s.description())).append(" |\n");
            }
        });
        md.append("\n## Options that are not settings\n\n");
        md.append("Repeatable options and those a command reads itself have no environment variable.\n\n");
        md.append("| command | option | meaning |\n|---|---|---|\n");
        commandLineOnly().forEach((command, options) -> options.forEach(o -> md.append("| `").append(command)
                .append("` | ").append(code(o.longestName() + (o.arity().max() == 0 ? "" : " " + o.paramLabel())))
                .append(" | ").append(cell(String.join(" ", o.description()))).append(" |\n")));
        return md.toString();
    }

    private static String code(String text) {
        return "`" + text.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
