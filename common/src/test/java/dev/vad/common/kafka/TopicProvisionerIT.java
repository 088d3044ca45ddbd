package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafka.class)
class TopicProvisionerIT {

    @Test
    void createsMissingTopicsWithConfiguredPartitionsRetentionAndMessageSize(KafkaBackend kafka) throws Exception {
        String prefix = UniqueNames.of("t");
        TopicNames names = new TopicNames(prefix + ".frames", prefix + ".models", prefix + ".scores",
                prefix + ".reconstructions", prefix + ".events", prefix + ".dlq",
                prefix + ".cameras");
        TopicSettings settings = new TopicSettings(true, 4, (short) 1, Duration.ofHours(6), 8 << 20, 32 << 20);
        try (Admin admin = admin(kafka)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));

            List<String> created = provisioner.ensure(TopicSpec.pipeline(names, settings), true);

            assertThat(created).hasSize(7);
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(names.frames(), names.models()))
                    .allTopicNames().get();
            assertThat(topics.get(names.frames()).partitions()).hasSize(4);
            assertThat(topics.get(names.models()).partitions()).hasSize(1);
            Map<String, Map<String, String>> configs =
                    provisioner.describeConfigs(List.of(names.frames(), names.models()));
            assertThat(configs.get(names.frames())).containsEntry("retention.ms", "21600000")
                    .containsEntry("max.message.bytes", Integer.toString(8 << 20))
                    .containsEntry("cleanup.policy", "delete");
            assertThat(configs.get(names.models())).containsEntry("cleanup.policy", "compact")
                    .containsEntry("max.message.bytes", Integer.toString(32 << 20));
            assertThat(provisioner.describeConfigs(List.of(names.cameras())).get(names.cameras()))
                    .containsEntry("cleanup.policy", "compact");

            assertThat(provisioner.ensure(TopicSpec.pipeline(names, settings), true))
                    .as("a second run finds everything in place").isEmpty();
        }
    }

    @Test
    void failsNamingTheMissingTopicsWhenCreationIsOff(KafkaBackend kafka) {
        String missing = UniqueNames.of("absent");
        try (Admin admin = admin(kafka)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            TopicSpec spec = new TopicSpec(missing, 1, (short) 1, Map.of());

            assertThatThrownBy(() -> provisioner.ensure(List.of(spec), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topics " + missing + " do not exist and topic creation is off");
        }
    }

    @Test
    void failsClearlyWhenTheBrokerRefusesTheTopic(KafkaBackend kafka) {
        try (Admin admin = admin(kafka)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            TopicSpec tooManyReplicas = new TopicSpec(UniqueNames.of("replicas"), 1, (short) 3, Map.of());

            assertThatThrownBy(() -> provisioner.ensure(List.of(tooManyReplicas), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is missing and could not be created")
                    .hasMessageContaining("replication factor");
        }
    }

    private static Admin admin(KafkaBackend kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
