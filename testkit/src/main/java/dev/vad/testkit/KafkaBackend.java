package dev.vad.testkit;

/** A real Kafka broker for integration tests: a Testcontainers container or the embedded KRaft broker. */
public interface KafkaBackend extends AutoCloseable {

    /** {@code host:port} for clients. */
    String bootstrapServers();

    /** What runs the broker, for test reports ({@code docker} or {@code embedded}). */
    String kind();

    @Override
    void close();
}
