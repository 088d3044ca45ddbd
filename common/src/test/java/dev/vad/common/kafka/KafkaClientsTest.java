package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.metrics.MeterRegistries;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    private final KafkaSettings settings = new KafkaSettings("k1:9092", Map.of("compression.type", "zstd",
            "security.protocol", "SASL_SSL"));

    @Test
    void producersAreIdempotentWithAcksAllAndUserSettingsOnTop() {
        try (KafkaClients clients = new KafkaClients(settings, MeterRegistries.prometheus("t"), 1 << 24)) {
            Map<String, Object> config = clients.producerConfig("ingest-1", Map.of("linger.ms", 25,
                    "compression.type", "none"));

            assertThat(config).containsEntry("enable.idempotence", true)
                    .containsEntry("acks", "all")
                    .containsEntry("max.request.size", 1 << 24)
                    .containsEntry("linger.ms", 25)
                    .containsEntry("compression.type", "zstd")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("bootstrap.servers", "k1:9092");
        }
    }

    @Test
    void consumersCommitByHandFromTheEarliestOffset() {
        try (KafkaClients clients = new KafkaClients(settings, MeterRegistries.prometheus("t"), 1 << 24)) {
            Map<String, Object> config = clients.consumerConfig("vad-scorer", "scorer-1", Map.of());

            assertThat(config).containsEntry("enable.auto.commit", false)
                    .containsEntry("auto.offset.reset", "earliest")
                    .containsEntry("group.id", "vad-scorer")
                    .containsEntry("max.partition.fetch.bytes", 1 << 24);
        }
    }

    @Test
    void consumerTuningChangesDefaultsAndUserSettingsStillWin() {
        KafkaSettings user = new KafkaSettings("k1:9092", Map.of("fetch.min.bytes", "1024"));
        try (KafkaClients clients = new KafkaClients(user, MeterRegistries.prometheus("t"), 1 << 24)) {
            Map<String, Object> config = clients.consumerConfig("vad-scorer", "scorer-1", Map.of(
                    "max.poll.records", 16, "fetch.min.bytes", 1, "enable.auto.commit", false));

            assertThat(config).containsEntry("max.poll.records", 16)
                    .containsEntry("fetch.min.bytes", "1024")
                    .containsEntry("enable.auto.commit", false);
        }
    }

    @Test
    void refusesSettingsWithoutBootstrapServers() {
        assertThatThrownBy(() -> new KafkaClients(new KafkaSettings(null, Map.of()), MeterRegistries.prometheus("t"),
                1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need bootstrap servers");
    }
}
