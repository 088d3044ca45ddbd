package dev.vad.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.common.wire.OffsetRange;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.fit.WindowModels;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trainer on a real broker, learning from windows of the synthetic scene that ingest published. */
@ExtendWith(RealKafka.class)
class TrainerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String prefix = UniqueNames.of("trainer");
    private final Map<String, String> topics = Map.of(
            "topic-frames", prefix + ".frames", "topic-models", prefix + ".models", "topic-dlq", prefix + ".dlq",
            "topic-scores", prefix + ".scores", "topic-events", prefix + ".events",
            "topic-reconstructions", prefix + ".reconstructions", "topic-partitions", "2");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private KafkaBackend kafka;
    private KafkaClients clients;

    @BeforeEach
    void connect(KafkaBackend kafka) {
        this.kafka = kafka;
        this.clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()), registry, 64 << 20);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        clients.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conv2d", "conv3d"})
    void continualTrainingPublishesIncreasingVersionsWithLineageAndARestartNumbersOn(String kind) throws Exception {
        long windows = ingest(240);
        Map<String, String> flags = Map.of("model", kind, "publish-every-steps", "8", "batch-windows", "4", "min-improvement", "0",
                "model-dir", dir.toString());

        TrainerService first = trainer(flags);
        CompletableFuture<TrainerOutcome> run = CompletableFuture.supplyAsync(() -> run(first), executor);
        await().atMost(PATIENCE).until(() -> published(kind).size() >= 2);
        first.close();
        TrainerOutcome outcome = run.get(60, TimeUnit.SECONDS);

        List<ModelArtifact> artifacts = published(kind);
        assertThat(outcome.versions()).isNotEmpty();
        assertThat(artifacts).extracting(a -> a.header().version()).isEqualTo(outcome.versions())
                .as("versions count up from 1").startsWith(1L, 2L);
        for (ModelArtifact a : artifacts) {
            assertThat(a.header().dimensions()).isEqualTo(kind.equals("conv2d") ? 2 : 3);
            assertThat(a.header().trainedOn()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo(prefix + ".frames");
                assertThat(r.toOffset()).isLessThanOrEqualTo(endOffsets().get(r.partition()));
            });
            assertThat(a.header().calibration()).containsKeys(WindowModel.FRAME_MEAN, WindowModel.FRAME_PATCH);
            assertThat(a.header().trainingMetrics()).containsKeys("loss", "validation_loss", "steps");
            assertThat(new ModelDirectory(dir).read(kind, a.header().version())).contains(a);
            WindowModel model = WindowModels.fromArtifact(a);
            assertThat(model.view().dimensions()).isEqualTo(a.header().dimensions());
        }
        assertThat(progress.toString().lines().filter(l -> l.contains(" windows/s")))
                .as("progress lines, the first step's rate counting its own time").isNotEmpty()
                .allSatisfy(l -> assertThat(rate(l)).isPositive().isLessThan(10_000));
        long lastVersion = artifacts.get(artifacts.size() - 1).header().version();
        assertThat(committed("vad-trainer")).as("offsets of what was consumed are committed")
                .isEqualTo(windows);

        windows += ingest(240);
        TrainerService second = trainer(Map.of("model", kind, "publish-every-steps", "4", "batch-windows", "4", "min-improvement", "0",
                "model-dir", dir.toString()));
        CompletableFuture<TrainerOutcome> rerun = CompletableFuture.supplyAsync(() -> run(second), executor);
        await().atMost(PATIENCE).until(() -> published(kind).size() > artifacts.size());
        second.close();
        rerun.get(60, TimeUnit.SECONDS);

        List<ModelArtifact> after = published(kind);
        assertThat(after).extracting(a -> a.header().version()).doesNotHaveDuplicates().isSorted();
        ModelArtifact next = after.get(artifacts.size());
        assertThat(next.header().version()).isEqualTo(lastVersion + 1);
        assertThat(next.header().hyperParameters()).containsEntry("parent_version", Long.toString(lastVersion));
        for (OffsetRange inherited : artifacts.get(artifacts.size() - 1).header().trainedOn()) {
            assertThat(next.header().trainedOn()).as("the continued model's lineage covers its parent's")
                    .anySatisfy(r -> {
                        assertThat(r.partition()).isEqualTo(inherited.partition());
                        assertThat(r.fromOffset()).isLessThanOrEqualTo(inherited.fromOffset());
                        assertThat(r.toOffset()).isGreaterThan(inherited.toOffset());
                    });
        }
    }

    @Test
    void fitThenFreezeLearnsFromTheFirstWindowsPublishesOnceAndStops() throws Exception {
        ingest(240);
        TrainerOutcome outcome = run(trainer(Map.of("model", "conv2d", "mode", "fit-then-freeze",
                "train-windows", "40", "steps", "24", "publish-every-steps", "8", "batch-windows", "4")));

        assertThat(outcome.versions()).containsExactly(1L);
        assertThat(outcome.windows()).isEqualTo(40);
        assertThat(outcome.steps()).isEqualTo(24);
        ModelArtifact artifact = published("conv2d").get(0);
        assertThat(artifact.header().trainedOn().stream().mapToLong(OffsetRange::count).sum())
                .as("lineage covers exactly the 40 windows consumed").isEqualTo(40);
        assertThat(artifact.header().hyperParameters()).containsEntry("mode", "fit-then-freeze");
        assertThat(committed("vad-trainer")).isEqualTo(40);
    }

    @Test
    void aReplayedTimeRangeGivesAModelWhoseLineageIsThatRange() throws Exception {
        ingest(120);
        Instant from = instantBetweenRecords();
        ingest(160);
        Instant to = instantBetweenRecords();
        ingest(120);
        int partition = endOffsets().entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow()
                .getKey();

        TrainerOutcome outcome = run(trainer(Map.of("model", "conv3d", "steps", "8", "publish-every-steps", "4",
                "batch-windows", "4"), from.toString(), to.toString()));

        assertThat(outcome.versions()).containsExactly(1L);
        assertThat(outcome.windows()).isEqualTo(40);
        ModelArtifact artifact = published("conv3d").get(0);
        assertThat(artifact.header().trainedOn()).containsExactly(
                new OffsetRange(prefix + ".frames", partition, 30, 70));
        assertThat(artifact.header().hyperParameters()).containsEntry("mode", "replay");
        assertThat(committed("vad-trainer")).as("a replay commits nothing").isZero();
    }

    @Test
    void anEmptyRangePublishesNothingAndARangeBeyondTheLogIsRefused() throws Exception {
        ingest(40);
        TrainerOutcome empty = run(trainer(Map.of(), Instant.now().plusSeconds(3600).toString(), null));
        assertThat(empty.versions()).isEmpty();
        assertThat(empty.note()).contains("holds no records").contains("no model published");

        TrainerService beyond = trainer(Map.of(), "0:1000,1:1000", null);
        assertThatThrownBy(beyond::run).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beyond the log").hasMessageContaining("would start at offset 1000");
        assertThat(published("conv3d")).isEmpty();
    }

    @Test
    void corruptRecordsAndWindowsOfAnotherShapeGoToTheDeadLetterTopicAndTrainingGoesOn() throws Exception {
        ingest(120);
        try (Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(),
                new ByteArraySerializer())) {
            FrameWindow other = new FrameWindow("odd", 0, new long[] {0, 1, 2, 3}, new long[] {0, 1, 2, 3},
                    TimestampKind.STREAM_TIME, 0, false, 16, 16, PixelFormat.GRAY8, new byte[4 * 16 * 16]);
            // Keyed like the ingested stream, so they follow its windows in the same partition.
            producer.send(new ProducerRecord<>(prefix + ".frames", "synthetic",
                    new FrameWindowCodec(WireLimits.DEFAULT).encode(other))).get();
            producer.send(new ProducerRecord<>(prefix + ".frames", "synthetic", new byte[] {1, 2, 3, 4, 5})).get();
        }
        TrainerOutcome outcome = run(trainer(Map.of("model", "conv2d", "mode", "fit-then-freeze",
                "train-windows", "1000", "idle-timeout", "2s", "steps", "8", "publish-every-steps", "4",
                "batch-windows", "4")));

        assertThat(outcome.rejected()).isEqualTo(2);
        assertThat(outcome.windows()).isEqualTo(30);
        assertThat(outcome.versions()).containsExactly(1L);
        List<DeadLetter> letters = deadLetters(2);
        assertThat(letters).extracting(DeadLetter::reason).containsExactlyInAnyOrder("shape_mismatch", "decode");
        assertThat(letters).allSatisfy(l -> assertThat(l.service()).isEqualTo("trainer"));
        assertThat(letters).filteredOn(l -> l.reason().equals("shape_mismatch")).singleElement()
                .satisfies(l -> assertThat(l.detail()).contains("4 frames of 16x16").contains("4 frames of 32x32"));
        assertThat(registry.get("vad.dlq.records").tag("reason", "decode").counter().count()).isEqualTo(1);
    }

    @Test
    void aModelDirectoryThatCannotBeWrittenIsNamed() throws Exception {
        Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("models");
        TrainerService trainer = trainer(Map.of("model-dir", blocked.toString()));
        assertThatThrownBy(trainer::run).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(blocked.toString()).hasMessageContaining("not writable");
    }

    @Test
    void progressIsOneLinePerIntervalWithLossAndThroughput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true), false);
        line.show("conv3d", 10, 40, 0.0123, 0.02, 88.5, 2.0, false);
        line.show("conv3d", 11, 40, 0.0120, 0.02, 88.5, 2.0, false);
        assertThat(bytes.toString()).isEqualTo(
                "train conv3d step 10/40 [#####...............] loss 0.01230 val 0.02000 88.5 windows/s ETA 0:15"
                        + System.lineSeparator());
    }

    /** Publishes the synthetic scene's first frames as windows of 4 frames of 32x32; returns the window count. */
    private long ingest(int frames) throws Exception {
        Map<String, String> flags = new HashMap<>(topics);
        flags.putAll(Map.of("bootstrap-servers", kafka.bootstrapServers(), "width", "32", "height", "32",
                "window-frames", "4", "tail", "drop", "metrics-port", "0"));
        ConfigReader config = new ConfigReader(flags, Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of("synthetic:?frames=" + frames), List.of(),
                List.of(), true);
        config.validate();
        try (IngestService service = IngestService.start(settings, clients, registry, Clock.systemUTC(), executor,
                1)) {
            assertThat(service.awaitCompletion()).allSatisfy(r -> assertThat(r.failed()).isFalse());
        }
        return frames / 4;
    }

    private TrainerService trainer(Map<String, String> extra) {
        return trainer(extra, null, null);
    }

    private TrainerService trainer(Map<String, String> extra, String from, String to) {
        Map<String, String> flags = new HashMap<>(topics);
        flags.put("bootstrap-servers", kafka.bootstrapServers());
        flags.put("metrics-port", "0");
        flags.put("preset", "compact"); // the smallest network: these tests are about the trainer, not the model
        flags.putAll(extra);
        ConfigReader config = new ConfigReader(flags, Map.of());
        TrainerSettings settings = TrainerSettings.load(config, from, to, List.of(), true);
        config.validate();
        return new TrainerService(settings, clients, registry, Clock.systemUTC(),
                new ProgressLine(new PrintStream(progress, true), false));
    }

    /**
     * A millisecond later than every record published so far and earlier than every record published after this
     * returns: the clock is waited past the present millisecond, then past the one returned.
     */
    private static Instant instantBetweenRecords() {
        long published = System.currentTimeMillis();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> System.currentTimeMillis() > published);
        long between = System.currentTimeMillis();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> System.currentTimeMillis() > between);
        return Instant.ofEpochMilli(between);
    }

    /** The windows per second a progress line shows. */
    private static double rate(String line) {
        String[] words = line.substring(0, line.indexOf(" windows/s")).split(" ");
        return Double.parseDouble(words[words.length - 1]);
    }

    private static TrainerOutcome run(TrainerService service) {
        try {
            return service.run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every artifact of a model on the models topic, in log order. */
    private List<ModelArtifact> published(String name) {
        ModelArtifactCodec codec = new ModelArtifactCodec();
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".models").stream()
                .map(r -> codec.decode(r.value())).filter(a -> a.key().equals(name)).toList();
    }

    private Map<Integer, Long> endOffsets() throws Exception {
        try (Admin admin = clients.admin("it-admin")) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < 2; p++) {
                request.put(new TopicPartition(prefix + ".frames", p), OffsetSpec.latest());
            }
            Map<Integer, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        }
    }

    /** Sum of the group's committed offsets on the frames topic. */
    private long committed(String group) throws Exception {
        try (Admin admin = clients.admin("it-admin")) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(prefix + ".frames"))
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private List<DeadLetter> deadLetters(int expected) {
        List<DeadLetter> out = new ArrayList<>();
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        try (Consumer<String, DeadLetter> consumer = clients.consumer(UniqueNames.of("it"), "it-dlq",
                new StringDeserializer(), serdes.deadLetterDeserializer())) {
            consumer.subscribe(List.of(prefix + ".dlq"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
