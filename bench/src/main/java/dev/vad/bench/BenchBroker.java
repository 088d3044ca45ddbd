package dev.vad.bench;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;

/** The broker a benchmark runs against: the one given, or an embedded one started for the run and closed after. */
final class BenchBroker implements AutoCloseable {

    private final EmbeddedKafkaBroker embedded;
    private final String servers;

    /** @param bootstrapServers the broker to use, or null to start an embedded one */
    BenchBroker(String bootstrapServers) {
        this.embedded = bootstrapServers == null ? EmbeddedKafkaBroker.start(BrokerOptions.ephemeral()) : null;
        this.servers = embedded == null ? bootstrapServers : embedded.bootstrapServers();
    }

    String bootstrapServers() {
        return servers;
    }

    /** How output lines name it: {@code embedded}, or the servers given. */
    String shown() {
        return embedded == null ? servers : "embedded";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
