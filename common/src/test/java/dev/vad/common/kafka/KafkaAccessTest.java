package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.KafkaAccess.Grant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The least-privilege table (issue 29): what each part of vad may do on Kafka, and what it creates. */
class KafkaAccessTest {

    private static final TopicNames TOPICS = new TopicNames("f", "m", "s", "r", "e", "d", "c");

    @Test
    void ingestReadsTheCameraRegistryInItsGroupWritesFramesAndDeadLettersBadCameras() {
        assertThat(KafkaAccess.ingest(TOPICS, "ig").grants()).containsExactly(topic("c", AclOperation.READ),
                topic("f", AclOperation.WRITE), topic("d", AclOperation.WRITE), group("ig"));
    }

    @Test
    void theCameraCommandReadsAndWritesOnlyTheCameraRegistry() {
        assertThat(KafkaAccess.camera(TOPICS).grants()).containsExactly(
                topic("c", AclOperation.READ, AclOperation.WRITE));
    }

    @Test
    void theTrainerReadsFramesAndModelsInItsGroupAndWritesModelsAndDeadLetters() {
        assertThat(KafkaAccess.trainer(TOPICS, "tg").grants()).containsExactly(
                topic("f", AclOperation.READ), topic("m", AclOperation.READ, AclOperation.WRITE),
                topic("d", AclOperation.WRITE), group("tg"));
    }

    @Test
    void theScorerReadsFramesModelsAndCamerasAndWritesItsOutputsWhichARescoreSuffixes() {
        assertThat(KafkaAccess.scorer(TOPICS, TOPICS, "sg").grants()).containsExactly(
                topic("f", AclOperation.READ), topic("m", AclOperation.READ), topic("c", AclOperation.READ),
                topic("s", AclOperation.WRITE),
                topic("r", AclOperation.WRITE), topic("e", AclOperation.WRITE), topic("d", AclOperation.WRITE),
                group("sg"));
        assertThat(KafkaAccess.scorer(TOPICS, TOPICS.withOutputSuffix(".x"), null).topics())
                .containsExactly("f", "m", "c", "s.x", "r.x", "e.x", "d");
    }

    @Test
    void theNotifierReadsEventsInItsGroupAndWritesDeadLettersOnly() {
        assertThat(KafkaAccess.notifier(TOPICS, "ng").grants()).containsExactly(
                topic("e", AclOperation.READ), topic("d", AclOperation.WRITE), group("ng"));
    }

    @Test
    void replayJoinsNoGroupAndWritesModelsAndTheSuffixedOutputsOnly() {
        KafkaAccess replay = KafkaAccess.replay(TOPICS, ".again");

        assertThat(replay.grants()).noneMatch(g -> g.resourceType() == ResourceType.GROUP);
        assertThat(replay.topics()).containsExactlyInAnyOrder("f", "m", "c", "d", "s.again", "r.again", "e.again");
        assertThat(replay.grants()).contains(topic("m", AclOperation.READ, AclOperation.WRITE));
    }

    @Test
    void theDemoHasEveryServicesAccessAndReadsScoresAndEvents() {
        KafkaAccess demo = KafkaAccess.demo(TOPICS, "tg", "sg");

        assertThat(demo.grants()).contains(topic("f", AclOperation.READ, AclOperation.WRITE),
                topic("s", AclOperation.READ, AclOperation.WRITE), topic("e", AclOperation.READ, AclOperation.WRITE),
                topic("r", AclOperation.WRITE), group("tg"), group("sg"));
    }

    @Test
    void evaluationUsesTopicsUnderItsPrefixOnly() {
        assertThat(KafkaAccess.evaluation().grants()).containsExactly(new Grant(ResourceType.TOPIC, "vad-eval-",
                PatternType.PREFIXED, Set.of(AclOperation.READ, AclOperation.WRITE)));
        assertThat(KafkaAccess.evaluation().topics()).as("no literal topic to create").isEmpty();
    }

    @Test
    void topicCreationAddsCreateToTopicsButNotToGroups() {
        List<Grant> grants = KafkaAccess.trainer(TOPICS, "tg").withTopicCreation().grants();

        assertThat(grants).filteredOn(g -> g.resourceType() == ResourceType.TOPIC)
                .allMatch(g -> g.operations().contains(AclOperation.CREATE));
        assertThat(grants).contains(group("tg"));
        assertThat(KafkaAccess.evaluation().withTopicCreation().grants().get(0).operations())
                .contains(AclOperation.CREATE);
    }

    @Test
    void eachServiceCreatesOnlyTheTopicsItUsesWithThePipelinesSettings() {
        TopicSettings settings = TopicSettings.DEFAULT;

        List<TopicSpec> pipeline = TopicSpec.pipeline(TOPICS, settings);
        assertThat(TopicSpec.usedBy(KafkaAccess.ingest(TOPICS, "ig"), TOPICS, settings))
                .containsExactly(pipeline.get(0), pipeline.get(5), pipeline.get(6));
        assertThat(TopicSpec.usedBy(KafkaAccess.camera(TOPICS), TOPICS, settings)).singleElement()
                .satisfies(spec -> assertThat(spec.configs()).containsEntry("cleanup.policy", "compact"))
                .extracting(TopicSpec::partitions).isEqualTo(settings.partitions());
        assertThat(TopicSpec.usedBy(KafkaAccess.trainer(TOPICS, "tg"), TOPICS, settings))
                .extracting(TopicSpec::name).containsExactly("f", "m", "d");
        TopicNames rescored = TOPICS.withOutputSuffix(".x");
        assertThat(TopicSpec.usedBy(KafkaAccess.scorer(TOPICS, rescored, null), rescored, settings))
                .extracting(TopicSpec::name).containsExactly("f", "m", "s.x", "r.x", "e.x", "d", "c");
    }

    private static Grant topic(String name, AclOperation... operations) {
        return new Grant(ResourceType.TOPIC, name, PatternType.LITERAL, Set.of(operations));
    }

    private static Grant group(String name) {
        return new Grant(ResourceType.GROUP, name, PatternType.LITERAL, Set.of(AclOperation.READ));
    }
}
