package dev.vad.testkit;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;

/** The embedded KRaft broker, in this JVM, on loopback. */
final class EmbeddedBackend implements KafkaBackend {

    private final EmbeddedKafkaBroker broker;

    EmbeddedBackend() {
        this.broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        broker.close();
    }
}
