package dev.vad.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The repeatable Kafka client setting of every command that reaches Kafka (the servers and the properties file are
 * declared with {@link dev.vad.common.config.KafkaSettings}).
 */
final class KafkaOptions {

    @Option(names = "--kafka-property", paramLabel = "NAME=VALUE",
            description = "A Kafka client setting, repeatable; also env VAD_KAFKA_<NAME> (VAD_KAFKA_SASL_MECHANISM).")
    List<String> properties = new ArrayList<>();
}
