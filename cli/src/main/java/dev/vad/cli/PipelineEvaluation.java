package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.ModelFeed;
import dev.vad.common.kafka.RangeReader;
import dev.vad.common.kafka.TopicRange;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.train.TrainingSettings;
import dev.vad.eval.Clip;
import dev.vad.eval.DelegatedEvaluation;
import dev.vad.eval.EvalSettings;
import dev.vad.eval.Evaluation;
import dev.vad.eval.LabelledDataset;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamResult;
import dev.vad.scorer.ScorerService;
import dev.vad.scorer.ScorerSettings;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerOutcome;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The evaluation run through Kafka by the services themselves: ingest publishes the training clips, the trainer
 * replays them and publishes a model, ingest publishes the test clips, the scorer re-scores them with that model,
 * and the report is made from the score records on the topic. The frames topic has one partition, so the trainer
 * reads the windows in the order the in-process evaluation takes them and fits the same model. Held-out training
 * clips are not published; they are made anomalous and scored with the published model in this process, by the
 * same code as in-process ({@link DelegatedEvaluation}).
 */
final class PipelineEvaluation implements DelegatedEvaluation.Stages {

    private static final String MODEL = Evaluation.MODEL;
    private static final int MAX_MESSAGE_BYTES = 64 << 20;

    private final EvalSettings settings;
    private final Map<String, String> common;
    private final KafkaClients clients;
    private final SimpleMeterRegistry registry;

    private PipelineEvaluation(EvalSettings settings, Map<String, String> common, KafkaClients clients,
                               SimpleMeterRegistry registry) {
        this.settings = settings;
        this.common = common;
        this.clients = clients;
        this.registry = registry;
    }

    /**
     * @param kafka the cluster to run on; topics of their own ({@code vad-eval-<random>.*}) are created there
     */
    static Evaluation.Outcome run(LabelledDataset full, EvalSettings settings, KafkaSettings kafka,
                                  Evaluation.Progress progress) throws InterruptedException {
        Map<String, String> common = common(settings, kafka);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaClients clients = new KafkaClients(kafka, registry, MAX_MESSAGE_BYTES)) {
            return DelegatedEvaluation.run(full, settings,
                    new PipelineEvaluation(settings, common, clients, registry), progress);
        }
    }

    /** Ingest publishes the training clips; the trainer replays everything on the frames topic. */
    @Override
    public ModelArtifact train(List<Clip> training) throws InterruptedException {
        for (Clip clip : training) {
            ingest(clip, settings.trainStride());
        }
        return train();
    }

    /** Ingest publishes the test clips; the scorer re-scores their windows into the re-scoring topics. */
    @Override
    public Map<String, List<ScoreRecord>> score(List<Clip> testing) throws InterruptedException {
        long testFrom = endOffset(common.get("topic-frames"));
        for (Clip clip : testing) {
            ingest(clip, settings.scoreStride());
        }
        rescore(testFrom);
        return scoreRecords(common.get("topic-scores") + ".rescore");
    }

    /** Settings every service of this run shares: its topics (one partition) and no HTTP endpoints. */
    private static Map<String, String> common(EvalSettings settings, KafkaSettings kafka) {
        String prefix = KafkaAccess.EVAL_TOPIC_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap-servers", kafka.bootstrapServers());
        for (String kind : List.of("frames", "models", "scores", "reconstructions", "events", "dlq", "cameras")) {
            flags.put("topic-" + kind, prefix + "." + kind);
        }
        flags.put("topic-partitions", "1");
        flags.put("metrics-port", "-1");
        flags.put("width", Integer.toString(settings.width()));
        flags.put("height", Integer.toString(settings.height()));
        flags.put("window-frames", Integer.toString(settings.windowFrames()));
        return flags;
    }

    /** One clip as one stream named after it, at the clips' frame rate, its tail in a full window. */
    private void ingest(Clip clip, int stride) throws InterruptedException {
        Map<String, String> flags = new HashMap<>(common);
        flags.put("stride-frames", Integer.toString(stride));
        flags.put("folder-fps", Double.toString(Clip.FOLDER_FPS));
        flags.put("tail", "full");
        ConfigReader config = new ConfigReader(flags, Map.of());
        IngestSettings ingest = IngestSettings.load(config, List.of(clip.folder().toString()), List.of(clip.name()),
                List.of(), true);
        config.validate();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (IngestService service = IngestService.start(ingest, clients, registry, Clock.systemUTC(), executor, 1)) {
            for (StreamResult result : service.awaitCompletion()) {
                if (result.failed()) {
                    throw new IllegalStateException("cannot ingest clip " + clip.name() + ": " + result.failure());
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** The trainer's replay of everything on the frames topic, trained as in-process; the version it publishes. */
    private ModelArtifact train() throws InterruptedException {
        TrainingSettings training = settings.training();
        Map<String, String> flags = new HashMap<>(common);
        flags.put("model", "conv" + training.fit().dimensions() + "d");
        flags.put("model-name", MODEL);
        flags.put("preset", training.fit().preset().id());
        flags.put("steps", Integer.toString(training.fit().steps()));
        flags.put("batch-windows", Integer.toString(training.fit().batchWindows()));
        flags.put("learning-rate", Double.toString(training.fit().learningRate()));
        flags.put("seed", Long.toString(training.fit().seed()));
        flags.put("patch", Integer.toString(training.fit().patch()));
        flags.put("publish-every-steps", Integer.toString(settings.validateEvery()));
        flags.put("validation-one-in", Integer.toString(training.validationOneIn()));
        flags.put("patience", Integer.toString(training.patience()));
        flags.put("buffer-windows", Integer.toString(training.bufferWindows()));
        flags.put("validation-windows", Integer.toString(training.validationWindows()));
        ConfigReader config = new ConfigReader(flags, Map.of());
        TrainerSettings trainer = TrainerSettings.load(config, "earliest", "end", List.of(), true);
        config.validate();
        TrainerOutcome outcome;
        try (TrainerService service = new TrainerService(trainer, clients, registry, Clock.systemUTC(),
                ProgressLine.forStandardOutput())) {
            outcome = service.run();
        }
        if (outcome.versions().isEmpty()) {
            throw new IllegalStateException("the trainer published no model: " + outcome.note());
        }
        try (ModelFeed feed = new ModelFeed(clients, trainer.topics().models(), "vad-eval-models",
                (record, error) -> { })) {
            return feed.find(MODEL, outcome.versions().get(0), Duration.ofSeconds(60)).orElseThrow(() ->
                    new IllegalStateException("model " + MODEL + "@" + outcome.versions().get(0)
                            + " is not on " + trainer.topics().models()));
        }
    }

    /**
     * The scorer's re-scoring of the test clips' windows (from {@code from} to the end) with version 1, calibrated
     * with the evaluation's smoothing and scale.
     */
    private void rescore(long from) throws InterruptedException {
        CalibrationSettings calibration = settings.scoring().calibration();
        Map<String, String> flags = new HashMap<>(common);
        flags.put("model", MODEL + "@1");
        flags.put("viewer-port", "-1");
        flags.put("reconstruction-every", "0");
        flags.put("smoothing-frames", Integer.toString(calibration.smoothingFrames()));
        flags.put("score-scale", calibration.scale().name().toLowerCase(Locale.ROOT));
        ConfigReader config = new ConfigReader(flags, Map.of());
        ScorerSettings scorer = ScorerSettings.load(config, "0:" + from, "end", List.of(), true);
        config.validate();
        try (ScorerService service = new ScorerService(scorer, clients, registry, Clock.systemUTC())) {
            service.run();
        }
    }

    /** Where the frames topic's one partition ends now: the test clips' windows start there. */
    private long endOffset(String topic) {
        try (Consumer<byte[], byte[]> consumer = clients.consumer(null, "vad-eval-offsets",
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return everything(consumer, topic).get(0).toOffset();
        }
    }

    /** Every score record on {@code topic}, by stream. */
    private Map<String, List<ScoreRecord>> scoreRecords(String topic) throws InterruptedException {
        WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
        Map<String, List<ScoreRecord>> out = new HashMap<>();
        try (Consumer<String, byte[]> consumer = clients.consumer(null, "vad-eval-scores", new StringDeserializer(),
                new ByteArrayDeserializer())) {
            RangeReader.read(consumer, topic, everything(consumer, topic), () -> false, records -> {
                for (ConsumerRecord<String, byte[]> record : records) {
                    ScoreRecord score = serdes.scoreDeserializer().deserialize(topic, record.value());
                    out.computeIfAbsent(score.streamId(), id -> new ArrayList<>()).add(score);
                }
            });
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no score records on " + topic);
        }
        return out;
    }

    private static List<TopicRange.PartitionRange> everything(Consumer<?, ?> consumer, String topic) {
        return TopicRange.parse("earliest", "end").resolve(consumer, topic, Duration.ofSeconds(30));
    }
}
