package dev.vad.common.kafka;

import dev.vad.common.config.TopicNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What one part of vad does on Kafka, as the broker's authorizer sees it: the topics it reads and writes, the
 * consumer group it joins. The one place the least-privilege ACLs come from ({@code vad acls}, docs/security.md)
 * and the topics each service makes sure exist at start.
 *
 * <p>{@code Describe} is never listed: Kafka grants it with {@code Read} and {@code Write}, and it is all that
 * listing topics, reading partition metadata and offsets, and fetching a group's committed offsets need.
 * Idempotent producers need no {@code IdempotentWrite} on the cluster: {@code Write} on a topic is enough since
 * Kafka 2.8. No part uses transactions, so none needs a transactional id.
 *
 * @param role   ingest, camera, trainer, scorer, notifier, replay, demo or eval
 * @param grants what it may do, one entry per resource, in a stable order
 */
public record KafkaAccess(String role, List<Grant> grants) {

    /** The topics of {@code vad eval --via-kafka} start with this, then a random part. */
    public static final String EVAL_TOPIC_PREFIX = "vad-eval-";

    public KafkaAccess {
        grants = List.copyOf(grants);
    }

    /**
     * Reads the camera registry (in its group when {@code groupId} is not null: the instances following the
     * registry share its cameras), writes frame windows, and sends camera records it cannot use to the dead letters.
     */
    public static KafkaAccess ingest(TopicNames topics, String groupId) {
        return new Builder("ingest").read(topics.cameras()).write(topics.frames()).write(topics.deadLetters())
                .group(groupId).build();
    }

    /** {@code vad camera}: reads the camera registry to its end and writes records and tombstones to it. */
    public static KafkaAccess camera(TopicNames topics) {
        return new Builder("camera").read(topics.cameras()).write(topics.cameras()).build();
    }

    /**
     * Reads frame windows (in its group when {@code groupId} is not null), reads the models topic from its start
     * (outside any group) for the newest version, publishes models, sends unreadable records to the dead letters.
     */
    public static KafkaAccess trainer(TopicNames topics, String groupId) {
        return new Builder("trainer").read(topics.frames()).read(topics.models()).write(topics.models())
                .write(topics.deadLetters()).group(groupId).build();
    }

    /**
     * Reads frame windows (in its group when {@code groupId} is not null), the models topic and the camera registry
     * (outside any group), writes scores, reconstructions and events to {@code outputs} (the live topics, or
     * re-scoring copies) and dead letters.
     */
    public static KafkaAccess scorer(TopicNames topics, TopicNames outputs, String groupId) {
        return new Builder("scorer").read(topics.frames()).read(topics.models()).read(topics.cameras())
                .write(outputs.scores())
                .write(outputs.reconstructions()).write(outputs.events()).write(topics.deadLetters())
                .group(groupId).build();
    }

    /** Reads events in its group and sends the ones it cannot deliver to the dead letters. */
    public static KafkaAccess notifier(TopicNames topics, String groupId) {
        return new Builder("notifier").read(topics.events()).write(topics.deadLetters()).group(groupId).build();
    }

    /** {@code vad replay}: the trainer on a range, or the scorer on a range into suffixed topics; no groups. */
    public static KafkaAccess replay(TopicNames topics, String outputSuffix) {
        return union("replay", trainer(topics, null), scorer(topics, topics.withOutputSuffix(outputSuffix), null));
    }

    /** {@code vad demo} against a cluster: the three services in one process, and a reader of scores and events. */
    public static KafkaAccess demo(TopicNames topics, String trainerGroup, String scorerGroup) {
        return union("demo", ingest(topics, null), trainer(topics, trainerGroup), scorer(topics, topics, scorerGroup),
                new Builder("demo").read(topics.scores()).read(topics.events()).build());
    }

    /** {@code vad eval --via-kafka} against a cluster: the whole pipeline on topics of its own, outside any group. */
    public static KafkaAccess evaluation() {
        return new Builder("eval").prefixed(EVAL_TOPIC_PREFIX, AclOperation.READ, AclOperation.WRITE).build();
    }

    /** The same access under another role name, with the grants of {@code parts} merged resource by resource. */
    public static KafkaAccess union(String role, KafkaAccess... parts) {
        Builder out = new Builder(role);
        for (KafkaAccess part : parts) {
            part.grants.forEach(g -> out.add(g.resourceType(), g.name(), g.patternType(), g.operations()));
        }
        return out.build();
    }

    /** The same access with {@code Create} on every topic it uses: for a part that creates missing topics. */
    public KafkaAccess withTopicCreation() {
        Builder out = new Builder(role);
        for (Grant g : grants) {
            out.add(g.resourceType(), g.name(), g.patternType(), g.operations());
            if (g.resourceType() == ResourceType.TOPIC) {
                out.add(g.resourceType(), g.name(), g.patternType(), Set.of(AclOperation.CREATE));
            }
        }
        return out.build();
    }

    /** The topics, by literal name, that this part reads or writes: those it creates when missing. */
    public Set<String> topics() {
        Set<String> out = new LinkedHashSet<>();
        grants.stream().filter(g -> g.resourceType() == ResourceType.TOPIC && g.patternType() == PatternType.LITERAL)
                .forEach(g -> out.add(g.name()));
        return Collections.unmodifiableSet(out);
    }

    /**
     * The operations allowed on one resource.
     *
     * @param resourceType TOPIC or GROUP
     * @param name         the resource's name, or a prefix of names
     * @param patternType  LITERAL or PREFIXED
     * @param operations   allowed operations, in Kafka's order
     */
    public record Grant(ResourceType resourceType, String name, PatternType patternType,
                        Set<AclOperation> operations) {

        public Grant {
            if (operations.isEmpty()) {
                throw new IllegalArgumentException("a grant on " + resourceType + " " + name + " needs an operation");
            }
            operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
        }
    }

    private record Resource(ResourceType type, String name, PatternType pattern) {
    }

    /** Collects operations per resource, in first-use order. */
    private static final class Builder {

        private final String role;
        private final Map<Resource, Set<AclOperation>> operations = new LinkedHashMap<>();

        Builder(String role) {
            this.role = role;
        }

        Builder read(String topic) {
            return add(ResourceType.TOPIC, topic, PatternType.LITERAL, Set.of(AclOperation.READ));
        }

        Builder write(String topic) {
            return add(ResourceType.TOPIC, topic, PatternType.LITERAL, Set.of(AclOperation.WRITE));
        }

        Builder group(String groupId) {
            return groupId == null ? this
                    : add(ResourceType.GROUP, groupId, PatternType.LITERAL, Set.of(AclOperation.READ));
        }

        Builder prefixed(String prefix, AclOperation... allowed) {
            return add(ResourceType.TOPIC, prefix, PatternType.PREFIXED, Set.of(allowed));
        }

        Builder add(ResourceType type, String name, PatternType pattern, Set<AclOperation> allowed) {
            operations.computeIfAbsent(new Resource(type, name, pattern), k -> EnumSet.noneOf(AclOperation.class))
                    .addAll(allowed);
            return this;
        }

        KafkaAccess build() {
            List<Grant> grants = new ArrayList<>();
            operations.forEach((r, allowed) -> grants.add(new Grant(r.type(), r.name(), r.pattern(), allowed)));
            return new KafkaAccess(role, grants);
        }
    }
}
