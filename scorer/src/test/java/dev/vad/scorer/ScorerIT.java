package dev.vad.scorer;

import dev.vad.common.metrics.VadMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.CameraRegistry;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.DeadLetterCodec;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.MaskPoint;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ReconstructionCodec;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.TimestampKind;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.synthetic.SceneSettings;
import dev.vad.ingest.synthetic.SyntheticScene;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerOutcome;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scorer on a real broker, with models the trainer published from windows ingest published. */
@ExtendWith(RealKafka.class)
class ScorerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String prefix = UniqueNames.of("scorer");
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
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

    @Test
    void scoresEveryWindowOnceHotSwapsVersionsDeadLettersBadRecordsAndResumesFromCommittedOffsets()
            throws Exception {
        ingest(160);
        train("a");
        ScorerService first = scorer(Map.of("reconstruction-every", "4"));
        CompletableFuture<ScorerOutcome> run = CompletableFuture.supplyAsync(() -> run(first), executor);
        await().atMost(PATIENCE).until(() -> scores().size() >= 40);

        train("b");
        await().atMost(PATIENCE).until(() -> registry.find(VadMetric.SCORER_MODEL_SWAPS.meterName()).counter() != null
                && registry.find(VadMetric.SCORER_MODEL_SWAPS.meterName()).counter().count() == 1);
        ingest(160, "later");
        try (Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(),
                new ByteArraySerializer())) {
            FrameWindow odd = new FrameWindow("odd", 0, new long[] {0, 1, 2, 3}, new long[] {0, 1, 2, 3},
                    TimestampKind.STREAM_TIME, 0, false, 16, 16, PixelFormat.GRAY8, new byte[4 * 16 * 16]);
            producer.send(new ProducerRecord<>(prefix + ".frames", "odd",
                    new FrameWindowCodec(WireLimits.DEFAULT).encode(odd))).get();
            producer.send(new ProducerRecord<>(prefix + ".frames", "junk", new byte[] {7, 7, 7})).get();
        }
        await().atMost(PATIENCE).until(() -> scores().size() >= 80 && deadLetters().size() == 2);
        first.close();
        ScorerOutcome outcome = run.get(60, TimeUnit.SECONDS);

        List<ScoreRecord> scores = scores();
        assertThat(scores).hasSize(80);
        assertThat(scores.stream().map(s -> s.streamId() + "#" + s.sequence()).collect(Collectors.toSet()))
                .as("each window scored exactly once").hasSize(80);
        assertThat(scores).allSatisfy(s -> {
            assertThat(s.modelName()).isEqualTo("conv2d");
            assertThat(s.frames()).hasSize(4);
            assertThat(s.threshold()).isEqualTo(3.0);
        });
        assertThat(outcome.versions()).containsExactly(1L, 2L);
        Set<Long> laterVersions = scores.stream().filter(s -> s.streamId().equals("later"))
                .map(ScoreRecord::modelVersion)
                .collect(Collectors.toSet());
        assertThat(laterVersions).as("windows after the swap are scored by version 2").containsExactly(2L);
        assertThat(deadLetters()).extracting(DeadLetter::reason).containsExactlyInAnyOrder("decode", "shape_mismatch");
        List<Reconstruction> reconstructions = TopicContents.read(kafka.bootstrapServers(),
                prefix + ".reconstructions").stream().map(r -> new ReconstructionCodec().decode(r.value())).toList();
        assertThat(reconstructions).as("every 4th window of each stream").hasSize(20)
                .allSatisfy(r -> assertThat(r.errorMap()).hasSize(4 * 32 * 32));
        assertThat(committed()).as("every record's offset is committed").isEqualTo(82);
        Set<String> meters = registry.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet());
        for (java.lang.reflect.Field field : ScorerMetrics.class.getFields()) {
            assertThat(meters).as("metric " + field.getName()).contains((String) field.get(null));
        }

        ScorerService second = scorer(Map.of());
        CompletableFuture<ScorerOutcome> rerun = CompletableFuture.supplyAsync(() -> run(second), executor);
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> scores().size() == 80);
        second.close();
        assertThat(rerun.get(60, TimeUnit.SECONDS).windows()).as("a restart scores nothing twice").isZero();
        assertThat(scores()).hasSize(80);
    }

    @Test
    void eachCamerasThresholdAndIgnoreMasksFromTheRegistryApplyToItsWindowsAndFollowItsChanges() throws Exception {
        ingest(120);
        train("a");
        ScorerService service = scorer(Map.of());
        CompletableFuture<ScorerOutcome> run = CompletableFuture.supplyAsync(() -> run(service), executor);
        List<List<MaskPoint>> everything = List.of(List.of(new MaskPoint(0, 0), new MaskPoint(1, 0),
                new MaskPoint(1, 1), new MaskPoint(0, 1)));
        try (CameraRegistry cameras = new CameraRegistry(clients, prefix + ".cameras", "it")) {
            await().atMost(PATIENCE).until(() -> scores().size() >= 30);
            cameras.put(new Camera(Camera.SCHEMA_VERSION, "gate", "synthetic:", 32, 32, CameraColour.GREY, null, 4,
                    null, 7.5, everything, true), PATIENCE);
            await().atMost(PATIENCE).until(() -> {
                ingest(8, "gate");
                return gateScores(7.5).size() >= 2;
            });
            assertThat(gateScores(7.5)).allSatisfy(s -> assertThat(s.frames()).allSatisfy(f -> {
                assertThat(f.meanError()).as("every pixel ignored").isZero();
                assertThat(f.patchError()).isZero();
            }));

            cameras.put(new Camera(Camera.SCHEMA_VERSION, "gate", "synthetic:", 32, 32, CameraColour.GREY, null, 4,
                    null, 5.5, List.of(), true), PATIENCE);
            await().atMost(PATIENCE).until(() -> {
                ingest(8, "gate");
                return gateScores(5.5).size() >= 2;
            });
            assertThat(gateScores(5.5)).allSatisfy(s -> assertThat(s.frames())
                    .allSatisfy(f -> assertThat(f.meanError()).isPositive()));
        }
        service.close();
        run.get(60, TimeUnit.SECONDS);
        assertThat(scores()).filteredOn(s -> s.streamId().equals("synthetic"))
                .allSatisfy(s -> assertThat(s.threshold()).as("a stream without a camera").isEqualTo(3.0));
    }

    private List<ScoreRecord> gateScores(double threshold) {
        return scores().stream().filter(s -> s.streamId().equals("gate") && s.threshold() == threshold).toList();
    }

    @Test
    void reScoringARangeWritesSeparateTopicsWithTheChosenVersionAndLeavesTheGroupAlone() throws Exception {
        ingest(160);
        train("a");
        train("b");
        ScorerOutcome outcome = run(scorer(Map.of("model", "conv2d@1", "model-dir", ""), "earliest", null));

        assertThat(outcome.windows()).isEqualTo(40);
        List<ScoreRecord> rescored = TopicContents.read(kafka.bootstrapServers(), prefix + ".scores.rescore")
                .stream().map(r -> serdes.scoreDeserializer().deserialize("", r.value())).toList();
        assertThat(rescored).hasSize(40).allSatisfy(s -> assertThat(s.modelVersion()).isEqualTo(1L));
        assertThat(scores()).as("the live scores topic is untouched").isEmpty();
        assertThat(committed()).isZero();
    }

    @Test
    void anomalousFramesOfTheSyntheticSceneRankAboveNormalOnesAndOpenAndCloseAnEpisode() throws Exception {
        ingest(1240, "scene", Map.of("width", "64", "height", "64", "window-frames", "8"));
        ConfigReader config = new ConfigReader(flags(Map.of("model", "conv3d", "preset", "compact", "mode",
                "fit-then-freeze", "train-windows", "90", "steps", "200", "publish-every-steps", "50")), Map.of());
        TrainerSettings trainerSettings = TrainerSettings.load(config, null, null, List.of(), true);
        config.validate();
        new TrainerService(trainerSettings, clients, registry, Clock.systemUTC(),
                new ProgressLine(new PrintStream(new ByteArrayOutputStream()), false)).run();
        ScorerService scorer = scorer(Map.of("model", "conv3d"));
        CompletableFuture<ScorerOutcome> run = CompletableFuture.supplyAsync(() -> run(scorer), executor);
        await().atMost(PATIENCE).until(() -> scores().size() == 155);
        scorer.close();
        run.get(60, TimeUnit.SECONDS);

        SyntheticScene scene = new SyntheticScene(SceneSettings.defaults(64, 64, 1));
        List<double[]> frames = scores().stream().flatMap(s -> s.frames().stream())
                .filter(f -> f.frameIndex() >= 720)
                .map(f -> new double[] {f.calibratedScore(), scene.isAnomalous(f.frameIndex()) ? 1 : 0}).toList();
        double auc = auc(frames);
        assertThat(auc).as("frame AUC of calibrated scores after training (odd shape at 750-799)")
                .isGreaterThan(0.9);
        List<AnomalyEvent> events = TopicContents.read(kafka.bootstrapServers(), prefix + ".events").stream()
                .map(r -> serdes.eventDeserializer().deserialize("", r.value()))
                .filter(e -> e.kind() == AnomalyEvent.Kind.ANOMALY).toList();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.phase()).isEqualTo(AnomalyEvent.Phase.START);
            assertThat(e.firstFrameIndex()).isBetween(750L, 760L);
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.phase()).isEqualTo(AnomalyEvent.Phase.END);
            assertThat(e.firstFrameIndex()).isBetween(750L, 760L);
            assertThat(e.lastFrameIndex()).isBetween(790L, 815L);
        });
    }

    @Test
    void twoScorersInOneGroupShareThePartitionsAndScoreEveryWindowOnce() throws Exception {
        ingest(160, "one");
        ingest(160, "two");
        ingest(160, "three");
        train("a");
        ScorerService a = scorer(Map.of());
        ScorerService b = scorer(Map.of());
        CompletableFuture<ScorerOutcome> runA = CompletableFuture.supplyAsync(() -> run(a), executor);
        CompletableFuture<ScorerOutcome> runB = CompletableFuture.supplyAsync(() -> run(b), executor);
        await().atMost(PATIENCE).until(() -> scores().size() >= 120);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> committed() == 120);
        a.close();
        b.close();
        long byA = runA.get(60, TimeUnit.SECONDS).windows();
        long byB = runB.get(60, TimeUnit.SECONDS).windows();

        List<ScoreRecord> scores = scores();
        assertThat(scores.stream().map(s -> s.streamId() + "#" + s.sequence()).distinct())
                .as("every window scored; a window scored again after a rebalance keeps its sequence").hasSize(120);
        assertThat(byA + byB).isEqualTo(scores.size());
        assertThat(committed()).isEqualTo(120);
    }

    @Test
    void withoutAModelWindowsArePassedOverWhenAskedAndACorruptArtifactIsCountedAndSkipped() throws Exception {
        ingest(160, "early");
        ScorerService scorer = scorer(Map.of("without-model", "skip"));
        CompletableFuture<ScorerOutcome> run = CompletableFuture.supplyAsync(() -> run(scorer), executor);
        await().atMost(PATIENCE).until(() -> count(VadMetric.SCORER_WINDOWS_SKIPPED.meterName()) == 40);
        try (Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(prefix + ".models", "conv2d", new byte[] {'V', 'A', 'D', 'M', 0})).get();
        }
        await().atMost(PATIENCE).until(() -> count(VadMetric.SCORER_MODELS_REJECTED.meterName()) == 1);
        train("a");
        await().atMost(PATIENCE).until(() -> registry.get(VadMetric.SCORER_MODEL_VERSION.meterName()).gauge().value() == 1);
        ingest(160, "late");
        await().atMost(PATIENCE).until(() -> scores().size() == 40);
        scorer.close();
        run.get(60, TimeUnit.SECONDS);

        assertThat(scores()).allSatisfy(s -> assertThat(s.streamId()).isEqualTo("late"));
        assertThat(committed()).isEqualTo(80);
    }

    private double count(String counter) {
        var found = registry.find(counter).counter();
        return found == null ? 0 : found.count();
    }

    /** Frame AUC: the chance that an anomalous frame outscores a normal one (ties count half). */
    private static double auc(List<double[]> frames) {
        double sum = 0;
        long pairs = 0;
        for (double[] a : frames) {
            if (a[1] == 1) {
                for (double[] b : frames) {
                    if (b[1] == 0) {
                        sum += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
        }
        return sum / pairs;
    }

    /** Publishes the synthetic scene's first frames as windows of 4 frames of 32x32 into one stream. */
    private void ingest(int frames) throws Exception {
        ingest(frames, "synthetic");
    }

    private void ingest(int frames, String streamId) throws Exception {
        ingest(frames, streamId, Map.of("width", "32", "height", "32", "window-frames", "4"));
    }

    private void ingest(int frames, String streamId, Map<String, String> shape) throws Exception {
        Map<String, String> flags = flags(Map.of("tail", "drop"));
        flags.putAll(shape);
        ConfigReader config = new ConfigReader(flags, Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of("synthetic:?frames=" + frames),
                List.of(streamId), List.of(), true);
        config.validate();
        try (IngestService service = IngestService.start(settings, clients, registry, Clock.systemUTC(), executor,
                1)) {
            assertThat(service.awaitCompletion()).allSatisfy(r -> assertThat(r.failed()).isFalse());
        }
    }

    /** Publishes the next version of conv2d, fitted on the first 30 windows. */
    private void train(String group) throws Exception {
        ConfigReader config = new ConfigReader(flags(Map.of("model", "conv2d", "mode", "fit-then-freeze",
                "train-windows", "30", "steps", "20", "publish-every-steps", "10", "batch-windows", "4",
                "group-id", prefix + "-" + group)), Map.of());
        TrainerSettings settings = TrainerSettings.load(config, null, null, List.of(), true);
        config.validate();
        TrainerOutcome outcome = new TrainerService(settings, clients, registry, Clock.systemUTC(),
                new ProgressLine(new PrintStream(new ByteArrayOutputStream()), false)).run();
        assertThat(outcome.versions()).hasSize(1);
    }

    private ScorerService scorer(Map<String, String> extra) {
        return scorer(extra, null, null);
    }

    private ScorerService scorer(Map<String, String> extra, String from, String to) {
        Map<String, String> flags = flags(Map.of("model", "conv2d"));
        flags.putAll(extra);
        flags.values().removeIf(String::isEmpty);
        ConfigReader config = new ConfigReader(flags, Map.of());
        ScorerSettings settings = ScorerSettings.load(config, from, to, List.of(), true);
        config.validate();
        return new ScorerService(settings, clients, registry, Clock.systemUTC());
    }

    private Map<String, String> flags(Map<String, String> extra) {
        return PipelineFlags.of(kafka.bootstrapServers(), prefix, extra);
    }

    private static ScorerOutcome run(ScorerService service) {
        return PipelineFlags.run(service);
    }

    private List<ScoreRecord> scores() {
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".scores").stream()
                .map(r -> serdes.scoreDeserializer().deserialize("", r.value())).toList();
    }

    private List<DeadLetter> deadLetters() {
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".dlq").stream()
                .map(r -> new DeadLetterCodec().decode(r.value())).toList();
    }

    /** Sum of the live group's committed offsets on the frames topic. */
    private long committed() throws Exception {
        try (Admin admin = clients.admin("it-admin")) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("vad-scorer")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(prefix + ".frames"))
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }
}
