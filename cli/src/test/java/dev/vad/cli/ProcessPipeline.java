package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline's commands run as separate processes against one broker, on topics of their own, and what tests
 * count on those topics: windows produced by stream and sequence, windows scored, model versions, offsets.
 */
final class ProcessPipeline {

    private final Supplier<String> bootstrap;
    private final String prefix;
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private final Map<String, String> clientProperties;

    /** @param bootstrap where the broker is now (asked again on every call: a restarted broker keeps its port) */
    ProcessPipeline(Supplier<String> bootstrap, String name) {
        this(bootstrap, name, Map.of());
    }

    /** @param clientProperties how the test's own clients connect (a secured broker's admin credentials) */
    ProcessPipeline(Supplier<String> bootstrap, String name, Map<String, String> clientProperties) {
        this.bootstrap = bootstrap;
        this.prefix = UniqueNames.of(name);
        this.clientProperties = Map.copyOf(clientProperties);
    }

    String bootstrap() {
        return bootstrap.get();
    }

    /** The consumer group of this pipeline's scorers or trainers ({@code scorer}, {@code trainer}). */
    String group(String role) {
        return prefix + "-" + role;
    }

    String topic(String kind) {
        return prefix + "." + kind;
    }

    /** The command's arguments, then the broker, two partitions per topic and this pipeline's topics. */
    String[] args(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--bootstrap-servers", bootstrap.get(), "--topic-partitions", "2",
                "--topic-frames", topic("frames"), "--topic-models", topic("models"), "--topic-dlq", topic("dlq"),
                "--topic-scores", topic("scores"), "--topic-events", topic("events"),
                "--topic-reconstructions", topic("reconstructions")));
        return args.toArray(String[]::new);
    }

    VadProcess start(String... command) throws Exception {
        return VadProcess.start(args(command));
    }

    /** Runs a command to its end and asserts it succeeded. */
    void run(String... command) throws Exception {
        try (VadProcess process = start(command)) {
            assertThat(process.awaitExit(180)).as(String.join(" ", command) + "\n" + process.output()).isZero();
        }
    }

    /** Ingests the synthetic scene as fast as it decodes: 32x32 grey, windows of 4 frames, the tail dropped. */
    void ingest(String streamId, int frames) throws Exception {
        run(ingestCommand(frames, false, List.of(streamId)));
    }

    /** Ingest of one synthetic scene per stream id, played at its frame rate or as fast as it decodes. */
    String[] ingestCommand(int frames, boolean realtime, List<String> streamIds) {
        List<String> command = new ArrayList<>(List.of("ingest"));
        for (String id : streamIds) {
            command.addAll(List.of("--source", "synthetic:?frames=" + frames, "--stream-id", id));
        }
        command.addAll(List.of("--width", "32", "--height", "32", "--window-frames", "4", "--tail", "drop",
                "--realtime", Boolean.toString(realtime), "--metrics-port", "-1"));
        return command.toArray(String[]::new);
    }

    /** A first conv2d model, fitted on 30 windows of what is on the frames topic. */
    void trainFirstModel() throws Exception {
        run("train", "--model", "conv2d", "--mode", "fit-then-freeze", "--train-windows", "30", "--steps", "20",
                "--publish-every-steps", "10", "--batch-windows", "4", "--metrics-port", "-1", "--group-id",
                group("trainer"));
    }

    String[] scoreCommand() {
        return new String[] {"score", "--model", "conv2d", "--metrics-port", "0", "--viewer-port", "-1",
            "--group-id", group("scorer")};
    }

    List<FrameWindow> windows() {
        return TopicContents.read(bootstrap.get(), clientProperties, topic("frames")).stream()
                .map(r -> serdes.frameWindowDeserializer().deserialize("", r.value())).toList();
    }

    List<ScoreRecord> scores() {
        return TopicContents.read(bootstrap.get(), clientProperties, topic("scores")).stream()
                .map(r -> serdes.scoreDeserializer().deserialize("", r.value())).toList();
    }

    List<ModelArtifact> models() {
        ModelArtifactCodec codec = new ModelArtifactCodec();
        return TopicContents.read(bootstrap.get(), clientProperties, topic("models")).stream().map(r -> codec.decode(r.value()))
                .toList();
    }

    /** {@code stream#sequence} of every window on the frames topic. */
    Set<String> produced() {
        return windows().stream().map(w -> w.streamId() + "#" + w.sequence())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code stream#sequence} of every window scored at least once. */
    Set<String> scored() {
        return scores().stream().map(s -> s.streamId() + "#" + s.sequence())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Sequence numbers of one stream's windows on the frames topic, in the order they were written. */
    List<Long> sequences(String streamId) {
        return windows().stream().filter(w -> w.streamId().equals(streamId)).map(FrameWindow::sequence).toList();
    }

    /** Committed offsets of a consumer group on a topic, by partition. */
    Map<Integer, Long> committed(String role, String kind) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group(role))
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic(kind)) && e.getValue() != null)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        }
    }

    /** The end offset of every partition of a topic. */
    Map<Integer, Long> endOffsets(String kind) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic(kind))).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic(kind)).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic(kind), p.partition()),
                            p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        }
    }

    /** An admin client of the test's own, with its client settings. */
    Admin admin() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.get());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        return Admin.create(config);
    }
}
