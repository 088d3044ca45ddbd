package dev.vad.cli;

import picocli.CommandLine.Mixin;

/** What every long-running service takes: how to reach Kafka, the topic names, where to serve metrics. */
final class ServiceOptions {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOptions topics;

    @Mixin
    MetricsOptions metrics;
}
