package dev.vad.cli;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.MetricsSettings;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * What every long-running service takes: how to reach Kafka, how and with which names it creates topics, where to
 * serve metrics.
 */
final class ServiceOptions {

    /** The settings of every service: Kafka, topic creation, topic names, metrics. */
    static final List<SettingGroup> GROUPS = List.of(KafkaSettings.SETTINGS, TopicSettings.SETTINGS,
            TopicNames.SETTINGS, MetricsSettings.SETTINGS);

    @Mixin
    KafkaOptions kafka;
}
