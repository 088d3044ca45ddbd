package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.TopicNames;
import dev.vad.common.kafka.KafkaAccess;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The ACLs of {@code vad acls} (issue 29): one table, as Admin API bindings, kafka-acls.sh lines and Markdown. */
class AclPlanTest {

    private static final TopicNames TOPICS = TopicNames.DEFAULT;

    @Test
    void everyOperationOfEveryGrantIsOneAllowBindingForThePartsPrincipalFromAnyHost() {
        AclPlan plan = new AclPlan(List.of(new AclPlan.Part(KafkaAccess.ingest(TOPICS, null).withTopicCreation(),
                "User:cam"), new AclPlan.Part(KafkaAccess.trainer(TOPICS, "tg"), "User:fit")));

        assertThat(plan.bindings()).containsExactly(
                binding(ResourceType.TOPIC, "vad.cameras", "User:cam", AclOperation.READ),
                binding(ResourceType.TOPIC, "vad.cameras", "User:cam", AclOperation.CREATE),
                binding(ResourceType.TOPIC, "vad.frames", "User:cam", AclOperation.WRITE),
                binding(ResourceType.TOPIC, "vad.frames", "User:cam", AclOperation.CREATE),
                binding(ResourceType.TOPIC, "vad.dlq", "User:cam", AclOperation.WRITE),
                binding(ResourceType.TOPIC, "vad.dlq", "User:cam", AclOperation.CREATE),
                binding(ResourceType.TOPIC, "vad.frames", "User:fit", AclOperation.READ),
                binding(ResourceType.TOPIC, "vad.models", "User:fit", AclOperation.READ),
                binding(ResourceType.TOPIC, "vad.models", "User:fit", AclOperation.WRITE),
                binding(ResourceType.TOPIC, "vad.dlq", "User:fit", AclOperation.WRITE),
                binding(ResourceType.GROUP, "tg", "User:fit", AclOperation.READ));
    }

    @Test
    void commandLinesAreKafkaAclsAddCallsWithWordsQuotedForTheShell() {
        AclPlan plan = new AclPlan(List.of(new AclPlan.Part(KafkaAccess.scorer(TOPICS, TOPICS, "my group"),
                "User:CN=scorer,O=Acme Inc"), new AclPlan.Part(KafkaAccess.evaluation(), "User:eval")));

        List<String> lines = plan.commandLines("k1:9093", "admin.properties");

        assertThat(lines).first().isEqualTo("# scorer as User:CN=scorer,O=Acme Inc");
        assertThat(lines).contains("kafka-acls.sh --bootstrap-server k1:9093 --command-config admin.properties --add"
                + " --allow-principal 'User:CN=scorer,O=Acme Inc' --operation Read --topic vad.frames",
                "kafka-acls.sh --bootstrap-server k1:9093 --command-config admin.properties --add"
                + " --allow-principal 'User:CN=scorer,O=Acme Inc' --operation Read --group 'my group'",
                "# eval as User:eval",
                "kafka-acls.sh --bootstrap-server k1:9093 --command-config admin.properties --add"
                + " --allow-principal User:eval --operation Read --operation Write --topic vad-eval-"
                + " --resource-pattern-type prefixed");
        assertThat(lines).hasSize(2 + 8 + 1);
    }

    @Test
    void theMarkdownTableHasARowPerPartAndResource() {
        AclPlan plan = new AclPlan(List.of(new AclPlan.Part(KafkaAccess.ingest(TOPICS, "vad-ingest")
                .withTopicCreation(), "User:ingest"), new AclPlan.Part(KafkaAccess.evaluation(), "User:eval")));

        assertThat(plan.markdownTable()).containsExactly("| part | resource | operations |", "|---|---|---|",
                "| ingest | topic `vad.cameras` | Read, Create |", "| ingest | topic `vad.frames` | Write, Create |",
                "| ingest | topic `vad.dlq` | Write, Create |", "| ingest | group `vad-ingest` | Read |",
                "| eval | topic `vad-eval-` (prefix) | Read, Write |");
    }

    @Test
    void anAppliedBindingIsDescribedInOneLine() {
        assertThat(AclPlan.describe(binding(ResourceType.GROUP, "vad-scorer", "User:scorer", AclOperation.READ)))
                .isEqualTo("allowed User:scorer to Read group vad-scorer");
    }

    private static AclBinding binding(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
