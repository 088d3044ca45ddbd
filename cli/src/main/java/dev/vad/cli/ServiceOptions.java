package dev.vad.cli;

import picocli.CommandLine.Mixin;

/**
 * What every long-running service takes: how to reach Kafka, how and with which names it creates topics, where to
 * serve metrics.
 */
final class ServiceOptions {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicCreationOptions topicCreation;

    @Mixin
    TopicOptions topics;

    @Mixin
    MetricsOptions metrics;
}
