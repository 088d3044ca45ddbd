package dev.vad.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

    @Test
    void clientSettingsPassThroughFromFileEnvironmentAndFlagsInThatPrecedence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/etc/ts.jks\nclient.rack=a\n");
        ConfigReader config = new ConfigReader(Map.of("client-config", file.toString()),
                Map.of("VAD_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                        "VAD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "VAD_KAFKA_SASL_MECHANISM", "PLAIN"));

        KafkaSettings settings = KafkaSettings.load(config, List.of("client.rack=b"), true);

        config.validate();
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(settings.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "ssl.truststore.location", "/etc/ts.jks",
                "client.rack", "b"));
    }

    @Test
    void kafkaBootstrapServersIsHonouredWhenNoVadSettingIsGiven() {
        ConfigReader config = new ConfigReader(Map.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:29092"));

        assertThat(KafkaSettings.load(config, List.of(), true).bootstrapServers()).isEqualTo("broker:29092");
    }

    @Test
    void missingAndMalformedServersAndPropertiesAreProblems() {
        ConfigReader missing = new ConfigReader(Map.of(), Map.of());
        KafkaSettings.load(missing, List.of("no-equals-sign"), true);

        ConfigReader malformed = new ConfigReader(Map.of("bootstrap-servers", "just-a-host"), Map.of());
        KafkaSettings.load(malformed, List.of(), true);

        assertThat(missing.problems()).hasSize(2);
        assertThat(missing.problems().get(0).toString()).contains("--bootstrap-servers", "found nothing");
        assertThat(missing.problems().get(1).toString()).contains("name=value", "'no-equals-sign'");
        assertThat(malformed.problems()).singleElement().asString().contains("'just-a-host'");
    }

    @Test
    void noServersIsFineWhenAnEmbeddedBrokerWillBeStarted() {
        ConfigReader config = new ConfigReader(Map.of(), Map.of());

        assertThat(KafkaSettings.load(config, List.of(), false).bootstrapServers()).isNull();
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void secretsNeverAppearInToString() {
        ConfigReader config = new ConfigReader(Map.of("bootstrap-servers", "k:9092"),
                Map.of("VAD_KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required password=\"hunter2\";",
                        "VAD_KAFKA_SSL_KEYSTORE_PASSWORD", "s3cret",
                        "VAD_KAFKA_SSL_KEY_PASSWORD", "k3y"));

        String shown = KafkaSettings.load(config, List.of(), true).toString();

        assertThat(shown).doesNotContain("hunter2", "s3cret", "k3y")
                .contains("sasl.jaas.config=[hidden]", "ssl.keystore.password=[hidden]");
    }
}
