package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.TopicNames;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.testkit.TopicContents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** What a compose stack's services wrote to its broker, read under the topic names the services read. */
final class StackTopics {

    private final String bootstrap;

    StackTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The topic names a service reads from its environment (the image's ENV under the service's). */
    static TopicNames of(VadImage image, ComposeService service) {
        Map<String, String> environment = new HashMap<>(image.environment());
        environment.putAll(service.environment());
        ConfigReader config = new ConfigReader(Map.of(), environment);
        TopicNames names = TopicNames.load(config);
        config.validate();
        return names;
    }

    List<ModelArtifact> models(String topic) {
        ModelArtifactCodec codec = new ModelArtifactCodec();
        return TopicContents.read(bootstrap, topic).stream().map(r -> codec.decode(r.value())).toList();
    }

    List<ScoreRecord> scores(String topic) {
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        return TopicContents.read(bootstrap, topic).stream()
                .map(r -> serdes.scoreDeserializer().deserialize(topic, r.value())).toList();
    }

    /**
     * Topics without the settings the services create topics with (a {@code cleanup.policy} of their own): the
     * broker created them because a client used them before anyone created them.
     */
    Set<String> createdByTheBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<ConfigResource> topics = admin.listTopics().names().get().stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Set<String> created = new TreeSet<>();
            admin.describeConfigs(topics).all().get().forEach((topic, config) -> {
                if (config.get("cleanup.policy").source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    created.add(topic.name());
                }
            });
            return created;
        }
    }
}
