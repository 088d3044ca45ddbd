package dev.vad.testkit;

import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a container from the official image, through Testcontainers (needs a Docker engine). */
final class ContainerBackend implements KafkaBackend {

    static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    ContainerBackend() {
        this.container = new KafkaContainer(IMAGE);
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void close() {
        container.stop();
    }
}
