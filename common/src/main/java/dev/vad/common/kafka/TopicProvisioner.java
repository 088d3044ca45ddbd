package dev.vad.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure the pipeline's topics exist: creates the missing ones, or fails naming them. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates every topic in {@code specs} that does not exist yet (when {@code create} is true) and returns the
     * names created. Topics that already exist are left as they are.
     *
     * @throws IllegalStateException when topics are missing and may not or cannot be created
     */
    public List<String> ensure(Collection<TopicSpec> specs, boolean create) {
        Set<String> existing = call(admin.listTopics().names(), "list topics");
        List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        String names = missing.stream().map(TopicSpec::name).collect(Collectors.joining(", "));
        if (!create) {
            throw new IllegalStateException("topics " + names + " do not exist and topic creation is off;"
                    + " create them or run with --create-topics=true");
        }
        List<NewTopic> requests = new ArrayList<>();
        for (TopicSpec spec : missing) {
            requests.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()));
        }
        List<String> created = new ArrayList<>();
        admin.createTopics(requests).values().forEach((name, future) -> {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("topic " + name + " is missing and could not be created: "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("creating topic " + name + " timed out after " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            }
        });
        LOG.info("created topics {}", created);
        awaitWritable(missing);
        return created;
    }

    /**
     * Waits until the leader of every partition serves it. A topic is announced as created before its leader has
     * the partition; a producer writing in that gap gets errors that can leave an idempotent producer retrying
     * out-of-order batches, so nothing is written before every partition answers an offset request.
     */
    private void awaitWritable(List<TopicSpec> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicSpec spec : topics) {
            for (int p = 0; p < spec.partitions(); p++) {
                request.put(new TopicPartition(spec.name(), p), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics.stream().map(TopicSpec::name).toList()
                            + " were created but are not ready: " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("topics were created but their leaders did not answer within "
                        + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for new topics", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for new topics", e);
            }
        }
    }

    /** The topic-level settings of existing topics, for checks and diagnostics. */
    public Map<String, Map<String, String>> describeConfigs(Collection<String> topics) {
        var resources = topics.stream()
                .map(t -> new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t))
                .toList();
        var configs = call(admin.describeConfigs(resources).all(), "describe topic configs");
        return configs.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().name(),
                e -> e.getValue().entries().stream()
                        .filter(c -> c.value() != null)
                        .collect(Collectors.toMap(c -> c.name(), c -> c.value()))));
    }

    private <T> T call(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot " + what + ": the broker did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
