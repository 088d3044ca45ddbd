package dev.vad.common.config;

import java.util.List;

/**
 * Settings that belong together and are taken together by the commands that need them (Kafka, topics, training,
 * scoring, ...): a command declares the groups it takes, and its options, its {@code --help} and its part of the
 * settings reference are generated from them.
 *
 * @param title         the group's name in the reference ({@code Kafka}, {@code training})
 * @param settings      its settings, in the order the reference lists them
 * @param fromFlagsOnly true when its settings are read from flags only, never from their environment variables
 *                      (what one invocation says about one thing, which a variable set for a service beside must
 *                      not change)
 */
public record SettingGroup(String title, List<Setting<?>> settings, boolean fromFlagsOnly) {

    public SettingGroup {
        settings = List.copyOf(settings);
    }

    /** Settings read from flags and the environment. */
    public SettingGroup(String title, List<Setting<?>> settings) {
        this(title, settings, false);
    }

    public static SettingGroup of(String title, Setting<?>... settings) {
        return new SettingGroup(title, List.of(settings));
    }

    /** The same settings, read from flags only. */
    public SettingGroup readFromFlagsOnly() {
        return new SettingGroup(title, settings, true);
    }
}
