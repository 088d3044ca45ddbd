package dev.vad.cli;

import picocli.CommandLine.Option;

/** How missing topics are created; values are read through the configuration reader (flags > environment). */
final class TopicCreationOptions {

    @Option(names = "--create-topics", paramLabel = "BOOL",
            description = "Create missing topics (env VAD_CREATE_TOPICS, default true).")
    String createTopics;

    @Option(names = "--topic-partitions", paramLabel = "N",
            description = "Partitions of new stream topics (env VAD_TOPIC_PARTITIONS, default 6).")
    String topicPartitions;

    @Option(names = "--topic-replication", paramLabel = "N",
            description = "Replicas of new topics (env VAD_TOPIC_REPLICATION, default 1).")
    String topicReplication;

    @Option(names = "--topic-retention", paramLabel = "DURATION",
            description = "Retention of new stream topics (env VAD_TOPIC_RETENTION, default 7d).")
    String topicRetention;
}
