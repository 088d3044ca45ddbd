package dev.vad.cli;

import dev.vad.common.config.SettingGroup;
import java.util.List;

/** A command whose settings are declared in groups: its options and its {@code --help} are generated from them. */
interface Configured {

    /** The groups of settings the command takes, in the order its reference section lists them. */
    List<SettingGroup> settingGroups();
}
