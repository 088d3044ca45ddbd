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
}
