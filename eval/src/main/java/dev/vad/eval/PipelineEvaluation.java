package dev.vad.eval;

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
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.ingest.StreamResult;
import dev.vad.scorer.OfflineScorer;
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
 * same code as in-process.
 */
public final class PipelineEvaluation {

    private static final String MODEL = "eval";
    private static final int MAX_MESSAGE_BYTES = 64 << 20;

    private PipelineEvaluation() {
    }

    /**
     * @param kafka the cluster to run on; topics of their own ({@code vad-eval-<random>.*}) are created there
     */
    public static Evaluation.Outcome run(LabelledDataset full, EvalSettings settings, KafkaSettings kafka,
                                         Evaluation.Progress progress) throws InterruptedException {
        ValidationClips.HeldOut heldOut = settings.validation().holdOut(
                full.limit(settings.trainingClips(), settings.testClips()));
        LabelledDataset data = heldOut.rest();
        Map<String, String> common = common(settings, kafka);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaClients clients = new KafkaClients(kafka, registry, MAX_MESSAGE_BYTES)) {
            long started = System.nanoTime();
            for (Clip clip : data.training()) {
                ingest(clip, settings.trainStride(), common, kafka, clients, registry);
            }
            ModelArtifact artifact = train(settings, common, kafka, clients, registry, progress);
            double trainSeconds = (System.nanoTime() - started) / 1e9;

            started = System.nanoTime();
            long testFrom = endOffset(clients, common.get("topic-frames"));
            for (Clip clip : data.testing()) {
                ingest(clip, settings.scoreStride(), common, kafka, clients, registry);
            }
            score(common, testFrom, settings, kafka, clients, registry);
            Map<String, List<ScoreRecord>> byClip = scoreRecords(clients, common.get("topic-scores") + ".rescore");
            List<ClipScores> scores = new ArrayList<>();
            for (Clip clip : data.testing()) {
                scores.add(Evaluation.clipScores(clip, byClip.getOrDefault(clip.name(), List.of())));
                progress.scored(clip.name(), scores.size(), data.testing().size());
            }
            double scoreSeconds = (System.nanoTime() - started) / 1e9;
            List<PseudoScores> validation = PseudoValidation.score(heldOut.clips(), data.training(), settings,
                    new OfflineScorer(Evaluation.scorerSettings(settings), artifact), progress);
            return Evaluation.outcome(data, heldOut.clips(), settings, artifact, scores, null, validation,
                    trainSeconds, scoreSeconds);
        }
    }

    /** Settings every service of this run shares: its topics (one partition) and no HTTP endpoints. */
    private static Map<String, String> common(EvalSettings settings, KafkaSettings kafka) {
        String prefix = KafkaAccess.EVAL_TOPIC_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap-servers", kafka.bootstrapServers());
        for (String kind : List.of("frames", "models", "scores", "reconstructions", "events", "dlq")) {
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
    private static void ingest(Clip clip, int stride, Map<String, String> common, KafkaSettings kafka,
                               KafkaClients clients, SimpleMeterRegistry registry) throws InterruptedException {
        Map<String, String> flags = new HashMap<>(common);
        flags.put("stride-frames", Integer.toString(stride));
        flags.put("folder-fps", Double.toString(ClipFrames.FOLDER_FPS));
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

    /** The trainer's replay of everything on the frames topic; the version it publishes. */
    private static ModelArtifact train(EvalSettings settings, Map<String, String> common, KafkaSettings kafka,
                                       KafkaClients clients, SimpleMeterRegistry registry,
                                       Evaluation.Progress progress) throws InterruptedException {
        Map<String, String> flags = new HashMap<>(common);
        flags.put("model", "conv" + settings.fit().dimensions() + "d");
        flags.put("model-name", MODEL);
        flags.put("preset", settings.fit().preset().id());
        flags.put("steps", Integer.toString(settings.fit().steps()));
        flags.put("batch-windows", Integer.toString(settings.fit().batchWindows()));
        flags.put("learning-rate", Double.toString(settings.fit().learningRate()));
        flags.put("seed", Long.toString(settings.fit().seed()));
        flags.put("patch", Integer.toString(settings.fit().patch()));
        flags.put("publish-every-steps", Integer.toString(settings.validateEvery()));
        flags.put("validation-one-in", Integer.toString(EvalSettings.VALIDATION_ONE_IN));
        flags.put("patience", Integer.toString(EvalSettings.PATIENCE));
        flags.put("buffer-windows", Integer.toString(EvalSettings.BUFFER_WINDOWS));
        flags.put("validation-windows", Integer.toString(EvalSettings.VALIDATION_WINDOWS));
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

    /** The scorer's re-scoring of the test clips' windows (from {@code from} to the end) with version 1. */
    private static void score(Map<String, String> common, long from, EvalSettings settings, KafkaSettings kafka,
                              KafkaClients clients, SimpleMeterRegistry registry) throws InterruptedException {
        Map<String, String> flags = new HashMap<>(common);
        flags.put("model", MODEL + "@1");
        flags.put("viewer-port", "-1");
        flags.put("reconstruction-every", "0");
        flags.putAll(settings.scorerFlags());
        ConfigReader config = new ConfigReader(flags, Map.of());
        ScorerSettings scorer = ScorerSettings.load(config, "0:" + from, "end", List.of(), true);
        config.validate();
        try (ScorerService service = new ScorerService(scorer, clients, registry, Clock.systemUTC())) {
            service.run();
        }
    }

    /** Where the frames topic's one partition ends now: the test clips' windows start there. */
    private static long endOffset(KafkaClients clients, String topic) {
        try (Consumer<byte[], byte[]> consumer = clients.consumer(null, "vad-eval-offsets",
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return everything(consumer, topic).get(0).toOffset();
        }
    }

    /** Every score record on {@code topic}, by stream. */
    private static Map<String, List<ScoreRecord>> scoreRecords(KafkaClients clients, String topic)
            throws InterruptedException {
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
