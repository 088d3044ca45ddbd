package dev.vad.ingest;

import dev.vad.common.metrics.VadMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.source.TestClips;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Ingest end to end on a real broker: real decoding, real windows on a real topic. */
@ExtendWith(RealKafka.class)
class IngestIT {

    private static final Path VTEST = Path.of("../../shared/data/video/vtest.avi");

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String topic = UniqueNames.of("frames");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private IngestService start(KafkaBackend kafka, List<String> sources, Map<String, String> flags) {
        Map<String, String> all = new HashMap<>(flags);
        all.put("bootstrap-servers", kafka.bootstrapServers());
        all.put("topic-frames", topic);
        all.put("topic-partitions", "2");
        ConfigReader config = new ConfigReader(all, Map.of());
        IngestSettings settings = IngestSettings.load(config, sources, List.of(), List.of(), true);
        config.validate();
        KafkaClients clients = new KafkaClients(settings.kafka(), registry, 16 << 20);
        return IngestService.start(settings, clients, registry, Clock.systemUTC(), executor, 7);
    }

    @Test
    void aGeneratedClipArrivesAsOverlappingWindowsInOrderWithStreamTimesAndItsPixels(KafkaBackend kafka)
            throws Exception {
        Path clip = TestClips.video(dir.resolve("square.mp4"), 30, 25);
        try (IngestService service = start(kafka, List.of(clip.toString()),
                Map.of("window-frames", "8", "stride-frames", "4"));
             FramesTopic frames = new FramesTopic(kafka.bootstrapServers(), topic)) {
            assertThat(service.awaitCompletion()).singleElement().satisfies(r -> {
                assertThat(r.failed()).isFalse();
                assertThat(r.framesDecoded()).isEqualTo(30);
                assertThat(r.windowsPublished()).isEqualTo(7);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.poll().size() == 7);

            List<FrameWindow> windows = frames.windows("square");
            assertThat(windows).extracting(FrameWindow::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(windows).extracting(FrameWindow::firstFrameIndex).containsExactly(0L, 4L, 8L, 12L, 16L, 20L, 22L);
            assertThat(windows).extracting(FrameWindow::endOfStream).containsExactly(false, false, false, false, false,
                    false, true);
            FrameWindow third = windows.get(2);
            assertThat(third.timestampKind()).isEqualTo(TimestampKind.STREAM_TIME);
            assertThat(third.captureTimesMicros()[0]).isCloseTo(320_000, org.assertj.core.data.Offset.offset(1_000L));
            assertThat(third.captureTimesMicros()[7] - third.captureTimesMicros()[6]).isCloseTo(40_000,
                    org.assertj.core.data.Offset.offset(1_000L));
            int n = 10;
            int left = (4 * n) % (TestClips.SIZE - TestClips.SQUARE);
            byte[] frame10 = java.util.Arrays.copyOfRange(third.pixels(), 2 * 4096, 3 * 4096);
            assertThat(frame10[32 * 64 + left + 8] & 0xff).as("frame 10's square").isGreaterThan(180);
            assertThat(frame10[32 * 64 + (left + 30) % 64] & 0xff).as("frame 10's background").isLessThan(80);
            assertThat(frames.poll()).allSatisfy(record -> assertThat(record.key()).isEqualTo("square"));
            assertThat(registry.get(VadMetric.INGEST_FRAMES_DECODED.meterName()).tag("stream", "square").counter().count())
                    .isEqualTo(30);
            assertThat(registry.get(VadMetric.INGEST_WINDOWS_PUBLISHED.meterName()).tag("stream", "square").counter().count())
                    .isEqualTo(7);
            assertThat(registry.get(VadMetric.INGEST_PUBLISH_LATENCY.meterName()).tag("stream", "square").timer().count())
                    .isEqualTo(7);
        }
    }

    @Test
    void anImageFolderArrivesAtTheConfiguredRateUnderItsFolderName(KafkaBackend kafka) throws Exception {
        Path folder = TestClips.folder(dir.resolve("walkway"), 12, "%03d", "png");
        try (IngestService service = start(kafka, List.of(folder.toString()),
                Map.of("window-frames", "4", "folder-fps", "5"));
             FramesTopic frames = new FramesTopic(kafka.bootstrapServers(), topic)) {
            service.awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.poll().size() == 3);

            List<FrameWindow> windows = frames.windows("walkway");
            assertThat(windows).extracting(FrameWindow::firstFrameIndex).containsExactly(0L, 4L, 8L);
            assertThat(windows.get(2).captureTimesMicros()).containsExactly(1_600_000, 1_800_000, 2_000_000, 2_200_000);
        }
    }

    @Test
    void theRealDivxStreetClipArrivesWhole(KafkaBackend kafka) throws Exception {
        assumeThat(VTEST).as("../shared/data/video/vtest.avi is absent; skipping").exists();
        try (IngestService service = start(kafka, List.of(VTEST.toString()), Map.of("window-frames", "8"));
             FramesTopic frames = new FramesTopic(kafka.bootstrapServers(), topic)) {
            assertThat(service.awaitCompletion()).singleElement()
                    .satisfies(r -> assertThat(r.framesDecoded()).isEqualTo(795));
            await().atMost(Duration.ofSeconds(60)).until(() -> frames.poll().size() == 100);

            List<FrameWindow> windows = frames.windows("vtest");
            assertThat(windows.get(99).frameIndices()).containsExactly(787, 788, 789, 790, 791, 792, 793, 794);
            assertThat(windows.get(99).endOfStream()).isTrue();
            double mean = 0;
            for (byte b : windows.get(50).pixels()) {
                mean += b & 0xff;
            }
            assertThat(mean / windows.get(50).pixels().length).as("a street scene, neither black nor white")
                    .isBetween(40.0, 220.0);
        }
    }

    @Test
    void severalSourcesRunSideBySideAndABadOneDoesNotStopTheGoodOnes(KafkaBackend kafka) throws Exception {
        Path clip = TestClips.video(dir.resolve("good.avi"), 16, 25);
        try (IngestService service = start(kafka, List.of(clip.toString(), dir.resolve("missing.mp4").toString(),
                "synthetic:?frames=40"), Map.of("window-frames", "8"));
             FramesTopic frames = new FramesTopic(kafka.bootstrapServers(), topic)) {
            List<StreamResult> results = service.awaitCompletion();

            assertThat(results).extracting(StreamResult::streamId).containsExactly("good", "missing", "synthetic");
            assertThat(results.get(1).failure()).endsWith("missing.mp4: no such file or folder");
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.poll().size() == 2 + 5);
            assertThat(frames.windows("synthetic")).hasSize(5);
            assertThat(frames.windows("good")).hasSize(2);
        }
    }
}
