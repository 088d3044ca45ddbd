package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.scorer.PipelineFlags;
import dev.vad.scorer.ScorerOutcome;
import dev.vad.scorer.ScorerService;
import dev.vad.scorer.ScorerSettings;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorer with an evidence directory on a real broker: an anomaly of the synthetic scene (a bright square from
 * frame 200) gets a snapshot that decodes as a JPEG and a clip that Debian's {@code ffprobe} decodes with every
 * frame from the pre-roll before its first frame to the post-roll after its last, and the episode's records name
 * them.
 */
@ExtendWith(RealKafka.class)
class EvidenceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A stream id ingest accepts that would leave the evidence directory if used as a path. */
    private static final String STREAM = "..";

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String prefix = UniqueNames.of("evidence");
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
    void anAnomalyGetsASnapshotAndAClipFromPreRollToPostRollThatItsRecordsName() throws Exception {
        ingest();
        train();
        Path evidence = dir.resolve("evidence");
        ScorerService scorer = scorer(Map.of("evidence-dir", evidence.toString(), "evidence-pre-roll", "1s",
                "evidence-post-roll", "1s"));
        CompletableFuture<ScorerOutcome> run = CompletableFuture.supplyAsync(() -> PipelineFlags.run(scorer), executor);
        await().atMost(PATIENCE).until(() -> scored() == 100);
        List<AnomalyEvent> events = events();
        AnomalyEvent end = events.stream().filter(e -> e.phase() == AnomalyEvent.Phase.END
                && e.firstFrameIndex() >= 200 && e.firstFrameIndex() <= 215).findFirst().orElseThrow(
                        () -> new AssertionError("no episode of the square at frame 200 in " + events));
        Path clip = evidence.resolve(end.evidence().clip());
        await("the clip finished after its post-roll, before the scorer stops").atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(clip));
        scorer.close();
        run.get(60, TimeUnit.SECONDS);

        String episodeDir = "%2E./" + end.firstFrameIndex() + "/";
        AnomalyEvent start = events.stream().filter(e -> e.phase() == AnomalyEvent.Phase.START
                && e.eventId().equals(end.eventId())).findFirst().orElseThrow();
        assertThat(start.schemaVersion()).isEqualTo(AnomalyEvent.EVIDENCE_VERSION);
        assertThat(start.evidence()).isEqualTo(new AnomalyEvent.Evidence(episodeDir + "snapshot.jpg", null));
        assertThat(end.evidence()).isEqualTo(new AnomalyEvent.Evidence(episodeDir + "snapshot.jpg",
                episodeDir + "clip.mp4"));
        BufferedImage snapshot = ImageIO.read(evidence.resolve(start.evidence().snapshot()).toFile());
        assertThat(snapshot).as("a JPEG").isNotNull();
        assertThat(snapshot.getWidth()).isEqualTo(32 * 8);
        assertThat(Files.readAllBytes(evidence.resolve(start.evidence().snapshot()))).startsWith(0xff, 0xd8);

        long expected = frameCaptureTimes().values().stream().filter(t -> t >= end.firstCaptureMicros() - 1_000_000
                && t <= end.lastCaptureMicros() + 1_000_000).count();
        assertThat(expected).as("frames from 1 s before the first to 1 s after the last at 25 fps")
                .isEqualTo(end.lastFrameIndex() - end.firstFrameIndex() + 1 + 25 + 25);
        assertThat(ffprobe(clip)).isEqualTo(expected);
        assertThat(registry.get(EvidenceMetrics.EPISODES).gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(dir.resolve("evidence").toFile().list()).as("one directory per stream, its id made safe")
                .containsExactly("%2E.");
    }

    /** Frames ffprobe decodes from the clip. */
    private static long ffprobe(Path clip) throws Exception {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", clip.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ffprobe: " + out).isZero();
        return Long.parseLong(out);
    }

    /** The synthetic scene's first 400 frames (32x32, windows of 4) with one anomaly, frames 200 to 239. */
    private void ingest() throws Exception {
        ConfigReader config = new ConfigReader(flags(Map.of("tail", "drop", "width", "32", "height", "32",
                "window-frames", "4")), Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of("synthetic:?frames=400&first-anomaly=200"
                + "&anomaly-every=1000&anomaly-length=40"), List.of(STREAM), List.of(), true);
        config.validate();
        try (IngestService service = IngestService.start(settings, clients, registry, Clock.systemUTC(), executor,
                1)) {
            assertThat(service.awaitCompletion()).allSatisfy(r -> assertThat(r.failed()).isFalse());
        }
    }

    /** Publishes conv2d fitted on the first 30 windows (normal frames). */
    private void train() throws Exception {
        ConfigReader config = new ConfigReader(flags(Map.of("model", "conv2d", "mode", "fit-then-freeze",
                "train-windows", "30", "steps", "60", "publish-every-steps", "60", "batch-windows", "4",
                "group-id", prefix + "-trainer")), Map.of());
        TrainerSettings settings = TrainerSettings.load(config, null, null, List.of(), true);
        config.validate();
        new TrainerService(settings, clients, registry, Clock.systemUTC(),
                new ProgressLine(new PrintStream(new ByteArrayOutputStream()), false)).run();
    }

    private ScorerService scorer(Map<String, String> extra) {
        Map<String, String> flags = flags(Map.of("model", "conv2d", "reconstruction-every", "0"));
        flags.putAll(extra);
        ConfigReader config = new ConfigReader(flags, Map.of());
        ScorerSettings settings = ScorerSettings.load(config, null, null, List.of(), true);
        config.validate();
        return new ScorerService(settings, clients, registry, Clock.systemUTC());
    }

    private Map<String, String> flags(Map<String, String> extra) {
        Map<String, String> flags = PipelineFlags.of(kafka.bootstrapServers(), prefix, Map.of("topic-partitions", "1"));
        flags.putAll(extra);
        return flags;
    }

    private long scored() {
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".scores").size();
    }

    private List<AnomalyEvent> events() {
        return TopicContents.read(kafka.bootstrapServers(), prefix + ".events").stream()
                .map(r -> serdes.eventDeserializer().deserialize("", r.value())).toList();
    }

    /** Capture time of every frame published, by frame index. */
    private Map<Long, Long> frameCaptureTimes() {
        Map<Long, Long> times = new TreeMap<>();
        FrameWindowCodec codec = new FrameWindowCodec(WireLimits.DEFAULT);
        for (var record : TopicContents.read(kafka.bootstrapServers(), prefix + ".frames")) {
            FrameWindow w = codec.decode(record.value());
            for (int f = 0; f < w.frameCount(); f++) {
                times.put(w.frameIndices()[f], w.captureTimesMicros()[f]);
            }
        }
        return times;
    }
}
