package dev.vad.ingest;

import dev.vad.common.metrics.VadMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.TimestampKind;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** Live network streams served by a local ffmpeg process, dropped and restored. */
@ExtendWith(RealKafka.class)
class LiveStreamIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String topic = UniqueNames.of("live");

    @BeforeEach
    void requireFfmpeg() {
        assumeThat(LiveServer.ffmpegInstalled())
                .as("the ffmpeg command serves the live streams; ./run-tests installs it").isTrue();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private IngestService ingest(KafkaBackend kafka, String url, String streamId) {
        ConfigReader config = new ConfigReader(Map.of("bootstrap-servers", kafka.bootstrapServers(),
                "topic-frames", topic, "window-frames", "5", "io-timeout", "2s", "reconnect-initial", "200ms",
                "reconnect-max", "1s"), Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of(url), List.of(streamId), List.of(), true);
        config.validate();
        return IngestService.start(settings, new KafkaClients(settings.kafka(), registry, 16 << 20), registry,
                Clock.systemUTC(), executor, 3);
    }

    @Test
    void anHttpStreamGoneForThirtySecondsIsReconnectedAndItsWindowsContinueWithTheGapRecorded(KafkaBackend kafka)
            throws Exception {
        LiveServer server = LiveServer.httpMpegTs();
        try (server; FramesTopic frames = new FramesTopic(kafka.bootstrapServers(), topic)) {
            server.start();
            try (IngestService ignored = ingest(kafka, server.url(), "gate")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> frames.poll().size() >= 5);
                long now = System.currentTimeMillis() * 1000;
                FrameWindow live = frames.windows("gate").get(0);
                assertThat(live.timestampKind()).isEqualTo(TimestampKind.WALL_CLOCK);
                assertThat(live.lastCaptureTimeMicros()).isBetween(now - 30_000_000, now + 1_000_000);

                server.kill();
                long killed = System.nanoTime();
                int beforeRestart = frames.poll().size();
                // The camera stays down until ingest has noticed the drop and the outage has lasted its length.
                await().atMost(OUTAGE.plusSeconds(60)).until(() -> gaps("gate") >= 1
                        && System.nanoTime() - killed >= OUTAGE.toNanos());
                server.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> frames.poll().size() >= beforeRestart + 5);
            }
            List<FrameWindow> windows = frames.windows("gate");
            assertThat(windows).extracting(FrameWindow::sequence)
                    .as("sequence numbers continue across the reconnect, nothing skipped")
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, windows.size()).boxed().toList());
            assertThat(windows).filteredOn(w -> w.framesLostBefore() > 0).as("the gap is carried by a window")
                    .singleElement().satisfies(w -> assertThat(w.framesLostBefore())
                            .as("about 30 s at 25 fps were lost").isBetween(25L * 27, 25L * 40));
            for (int i = 1; i < windows.size(); i++) {
                assertThat(windows.get(i).firstFrameIndex()).isGreaterThan(windows.get(i - 1).lastFrameIndex());
            }
            assertThat(registry.get(VadMetric.INGEST_RECONNECTS.meterName()).tag("stream", "gate").counter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(registry.get(VadMetric.INGEST_GAPS.meterName()).tag("stream", "gate").counter().count())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private double gaps(String stream) {
        return registry.get(VadMetric.INGEST_GAPS.meterName()).tag("stream", stream).counter().count();
    }

    static Stream<Arguments> streams() throws IOException {
        return Stream.of(Arguments.of("HTTP MJPEG", LiveServer.httpMjpeg()),
                Arguments.of("TCP MPEG-TS", LiveServer.tcpMpegTs()),
                Arguments.of("UDP MPEG-TS", LiveServer.udpMpegTs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void aLiveStreamIsWindowedWithWallClockTimes(String kind, LiveServer server, KafkaBackend kafka)
            throws Exception {
        try (server; FramesTopic frames = new FramesTopic(kafka.bootstrapServers(), topic)) {
            server.start();
            try (IngestService ignored = ingest(kafka, server.url(), "cam")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> frames.poll().size() >= 3);
            }
            FrameWindow window = frames.windows("cam").get(1);
            assertThat(window.frameCount()).isEqualTo(5);
            assertThat(window.timestampKind()).isEqualTo(TimestampKind.WALL_CLOCK);
            assertThat(window.captureTimesMicros()[4]).isGreaterThanOrEqualTo(window.captureTimesMicros()[0]);
            assertThat(window.sequence()).isEqualTo(1);
        }
    }
}
