package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The configuration reader of one command invocation: its typed flags over the process environment, without the
 * variables of the settings the command reads from flags only ({@link SettingGroup#fromFlagsOnly()}).
 */
final class ServiceConfig {

    private ServiceConfig() {
    }

    static ConfigReader of(CommandSpec spec) {
        return new ConfigReader(Flags.given(spec), environment(spec, System.getenv()));
    }

    /** {@code environment} less the variables of the command's flag-only settings. */
    static Map<String, String> environment(CommandSpec spec, Map<String, String> environment) {
        Map<String, String> out = new HashMap<>(environment);
        if (spec.userObject() instanceof Configured command) {
            command.settingGroups().stream().filter(SettingGroup::fromFlagsOnly)
                    .flatMap(group -> group.settings().stream())
                    .forEach(setting -> out.remove(setting.environmentName()));
        }
        return out;
    }
}
