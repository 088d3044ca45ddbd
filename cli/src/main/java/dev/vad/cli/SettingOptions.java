package dev.vad.cli;

import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns setting declarations into command-line options: each setting of a {@link Configured} command becomes
 * {@code --key VALUE}, its {@code --help} line the declaration's description and default. Values reach the
 * command's loaders through {@link Flags} and the configuration reader, never through fields.
 */
final class SettingOptions {

    private SettingOptions() {
    }

    /** Adds the declared options to every configured command under {@code root}. */
    static void addTo(CommandLine root) {
        if (root.getCommand() instanceof Configured configured) {
            CommandSpec spec = root.getCommandSpec();
            for (SettingGroup group : configured.settingGroups()) {
                for (Setting<?> setting : group.settings()) {
                    if (!setting.isEnvironmentOnly()) {
                        spec.addOption(option(setting));
                    }
                }
            }
        }
        root.getSubcommands().values().forEach(SettingOptions::addTo);
    }

    static OptionSpec option(Setting<?> setting) {
        OptionSpec.Builder option = OptionSpec.builder(setting.flag()).paramLabel(setting.label())
                .description(setting.help()).type(String.class);
        if (setting.switchable()) {
            option.arity("0..1").fallbackValue("true");
        } else {
            option.arity("1");
        }
        return option.build();
    }
}
