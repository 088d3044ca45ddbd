package dev.vad.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How every command reaches Kafka; values are read through the configuration reader (flags > environment). */
final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (env VAD_BOOTSTRAP_SERVERS or KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "Kafka client properties file, e.g. SASL/TLS settings (env VAD_CLIENT_CONFIG).")
    String clientConfig;

    @Option(names = "--kafka-property", paramLabel = "NAME=VALUE",
            description = "A Kafka client setting, repeatable; also env VAD_KAFKA_<NAME> (VAD_KAFKA_SASL_MECHANISM).")
    List<String> properties = new ArrayList<>();

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
