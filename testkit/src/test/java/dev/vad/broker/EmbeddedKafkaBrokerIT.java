package dev.vad.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.testkit.SelfSignedKeystore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @Test
    void plainKafkaClientsProduceAndConsumeThroughTheEmbeddedBroker() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral())) {
            produce(broker.bootstrapServers(), "greetings", List.of("hello", "world"));

            assertThat(consumeAll(broker.bootstrapServers(), "greetings", 2)).containsExactly("hello", "world");
        }
    }

    @Test
    void restartOnTheSameLogDirectoryKeepsRecords(@TempDir Path logDir) throws Exception {
        BrokerOptions options;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral().withLogDir(logDir))) {
            options = broker.options();
            produce(broker.bootstrapServers(), "durable", List.of("before restart"));
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options)) {
            assertThat(broker.bootstrapServers()).isEqualTo(options.host() + ":" + options.port());
            produce(broker.bootstrapServers(), "durable", List.of("after restart"));

            assertThat(consumeAll(broker.bootstrapServers(), "durable", 2))
                    .containsExactly("before restart", "after restart");
        }
        assertThat(Files.exists(logDir)).as("a given log directory survives close").isTrue();
    }

    @Test
    void temporaryLogDirectoryIsDeletedOnClose() {
        Path dir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral())) {
            dir = broker.options().logDir();
            assertThat(dir).isDirectory();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aSecuredBrokerAuthenticatesScramUsersOverTlsAndAllowsOnlyWhatAnAclGrants(@TempDir Path dir)
            throws Exception {
        SelfSignedKeystore keystore = SelfSignedKeystore.create(dir, "keystore-pw");
        Path truststore = keystore.writeTruststore(dir.resolve("trust.p12"), "truststore-pw");
        BrokerSecurity security = new BrokerSecurity("admin", Map.of("admin", "admin-pw", "alice", "alice-pw"),
                keystore.file(), keystore.password(), truststore, "truststore-pw");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral().withSecurity(security));
             Admin admin = Admin.create(clientConfig(broker, broker.adminProperties()))) {
            admin.createTopics(List.of(new NewTopic("guarded", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<String, Object> alice = clientConfig(broker, security.clientProperties("alice"));

            assertThatThrownBy(() -> produce(alice, "guarded", List.of("denied")))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "guarded",
                    PatternType.LITERAL), new AccessControlEntry("User:alice", "*", AclOperation.WRITE,
                    AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
            produce(alice, "guarded", List.of("allowed"));

            Map<String, Object> wrong = clientConfig(broker, new BrokerSecurity("admin",
                    Map.of("admin", "admin-pw", "alice", "not-alice-pw"), keystore.file(), keystore.password(),
                    truststore, "truststore-pw").clientProperties("alice"));
            assertThatThrownBy(() -> produce(wrong, "guarded", List.of("unauthenticated")))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(security.toString()).doesNotContain("admin-pw", "alice-pw", "keystore-pw", "truststore-pw");
    }

    private static Map<String, Object> clientConfig(EmbeddedKafkaBroker broker, Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        return config;
    }

    private static void produce(String servers, String topic, List<String> values) throws Exception {
        produce(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), topic, values);
    }

    private static void produce(Map<String, Object> client, String topic, List<String> values) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "key", value)).get();
            }
        }
    }

    private static List<String> consumeAll(String servers, String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
