package dev.vad.common.config;

import java.util.List;

/**
 * Settings that belong together and are taken together by the commands that need them (Kafka, topics, training,
 * scoring, ...): a command declares the groups it takes, and its options, its {@code --help} and its part of the
 * settings reference are generated from them.
 *
 * @param title    the group's name in the reference ({@code Kafka}, {@code training})
 * @param settings its settings, in the order the reference lists them
 */
public record SettingGroup(String title, List<Setting<?>> settings) {

    public SettingGroup {
        settings = List.copyOf(settings);
    }

    public static SettingGroup of(String title, Setting<?>... settings) {
        return new SettingGroup(title, List.of(settings));
    }
}
