package dev.vad.ingest;

import dev.vad.common.metrics.VadMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.source.SourceUri;
import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;
import dev.vad.ingest.window.Windower;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamIngestorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<FrameWindow> published = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final WindowSink sink = new WindowSink() {
        @Override
        public void publish(FrameWindow window, IngestMetrics metrics) {
            published.add(window);
            metrics.published(1);
        }

        @Override
        public void checkHealthy() {
        }

        @Override
        public void flush() {
        }
    };

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        now = now.plus(duration);
    };

    private StreamIngestor ingestor(String source, ScriptedSource scripted, int maxReconnects) {
        return ingestor(source, scripted, maxReconnects, false);
    }

    private StreamIngestor ingestor(String source, ScriptedSource scripted, int maxReconnects, boolean realtime) {
        StreamPlan plan = new StreamPlan("s", SourceUri.parse(source), realtime, false,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.0), 1, maxReconnects, 2);
        Windower windower = new Windower("s", new WindowShape(2, 2, TailPolicy.FULL), 1, 1, PixelFormat.GRAY8,
                plan.timestampKind());
        return new StreamIngestor(plan, scripted, windower, sink, new IngestMetrics(registry, "s"), clock, sleeper,
                new SplittableRandom(1));
    }

    private double count(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aFileIsWindowedInOrderAndEndsWithItsTail() throws Exception {
        ingestor("clip.mp4", new ScriptedSource(10, "1", "2", "3", "4", "5"), -1).run();

        assertThat(published).extracting(FrameWindow::sequence).containsExactly(0L, 1L, 2L);
        assertThat(published.get(2).frameIndices()).containsExactly(3, 4);
        assertThat(published.get(2).endOfStream()).isTrue();
        assertThat(published.get(1).captureTimesMicros()).containsExactly(200_000, 300_000);
        assertThat(count(VadMetric.INGEST_FRAMES_DECODED.meterName())).isEqualTo(5);
        assertThat(count(VadMetric.INGEST_WINDOWS_PUBLISHED.meterName())).isEqualTo(3);
    }

    @Test
    void aFilePlayedInRealTimeIsPacedAndStampedWithTheWallClockLikeACamera() throws Exception {
        Instant start = now;
        ingestor("clip.mp4", new ScriptedSource(10, "1", "2", "3", "4"), -1, true).run();

        assertThat(sleeps).as("one wait per frame after the first, at 10 fps").hasSize(3)
                .allMatch(wait -> wait.equals(Duration.ofMillis(100)));
        assertThat(published).allMatch(window -> window.timestampKind() == TimestampKind.WALL_CLOCK);
        long startMicros = start.toEpochMilli() * 1000;
        assertThat(published.get(1).captureTimesMicros())
                .containsExactly(startMicros + 200_000, startMicros + 300_000);
    }

    @Test
    void aFrameThatFailsToDecodeIsCountedAndSkipped() throws Exception {
        ingestor("clip.mp4", new ScriptedSource(10, "1", "error", "2", "3", "4"), -1).run();

        assertThat(count(VadMetric.INGEST_DECODE_ERRORS.meterName())).isEqualTo(1);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).pixels()).containsExactly(3, 4);
    }

    @Test
    void tooManyUndecodableFramesInARowEndTheStreamWithAClearMessage() {
        StreamIngestor ingestor = ingestor("clip.mp4",
                new ScriptedSource(10, "1", "error", "error", "error", "2"), -1);

        assertThatThrownBy(ingestor::run).isInstanceOf(SourceException.class)
                .hasMessageContaining("clip.mp4: 3 frames in a row failed to decode; giving up");
    }

    @Test
    void aDroppedLiveStreamIsReconnectedWithBackoffAndTheGapIsCarriedForward() throws Exception {
        ScriptedSource live = new ScriptedSource(10, "1", "2", "3", "end", "4", "5", "end").refuse(3, 10);
        StreamIngestor ingestor = ingestor("tcp://camera:5000", live, 3);

        assertThatThrownBy(ingestor::run).isInstanceOf(SourceException.class)
                .hasMessageContaining("gave up after 3 reconnection attempts");

        assertThat(count(VadMetric.INGEST_GAPS.meterName())).isEqualTo(2);
        assertThat(count(VadMetric.INGEST_RECONNECTS.meterName())).isEqualTo(1);
        assertThat(published).hasSize(2);
        FrameWindow afterGap = published.get(1);
        assertThat(afterGap.sequence()).isEqualTo(1);
        assertThat(afterGap.framesLostBefore()).as("frame 3 was never windowed").isEqualTo(1);
        assertThat(afterGap.frameIndices()).containsExactly(3, 4);
        assertThat(sleeps).startsWith(Duration.ofMillis(100));
    }

    @Test
    void reconnectionWaitsGrowAndTheLostFramesFollowTheOutage() throws Exception {
        ScriptedSource live = new ScriptedSource(10, "1", "2", "end", "3", "4", "5", "6").refuse(2, 4);
        StreamIngestor ingestor = ingestor("http://camera/stream", live, 10);

        assertThatThrownBy(ingestor::run).isInstanceOf(SourceException.class);

        assertThat(sleeps.subList(0, 5)).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
        FrameWindow afterGap = published.get(1);
        assertThat(afterGap.framesLostBefore()).as("3.1 s outage at 10 fps").isEqualTo(30);
        assertThat(afterGap.frameIndices()).containsExactly(32, 33);
    }

    @Test
    void aLoopedFileStartsAgainWithIndicesAndTimesStillIncreasing() throws Exception {
        ScriptedSource clip = new ScriptedSource(10, "1", "2", "3", "end", "4", "5", "6", "end");
        java.util.concurrent.atomic.AtomicReference<StreamIngestor> running =
                new java.util.concurrent.atomic.AtomicReference<>();
        WindowSink stopAfterThree = new WindowSink() {
            @Override
            public void publish(FrameWindow window, IngestMetrics metrics) {
                published.add(window);
                if (published.size() == 3) {
                    running.get().stop();
                }
            }

            @Override
            public void checkHealthy() {
            }

            @Override
            public void flush() {
            }
        };
        StreamPlan plan = new StreamPlan("s", SourceUri.parse("clip.mp4"), false, true,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.0), 1, -1, 2);
        running.set(new StreamIngestor(plan, clip, new Windower("s", new WindowShape(2, 2, TailPolicy.FULL), 1, 1,
                PixelFormat.GRAY8, TimestampKind.STREAM_TIME), stopAfterThree, new IngestMetrics(registry, "s"), clock,
                sleeper, new SplittableRandom(1)));

        running.get().run();

        assertThat(clip.opens).isEqualTo(2);
        assertThat(published).extracting(FrameWindow::firstFrameIndex).containsExactly(0L, 2L, 4L);
        assertThat(published.get(1).captureTimesMicros()).as("the second pass goes on one frame after the first")
                .containsExactly(200_000, 300_000);
        assertThat(published.get(2).captureTimesMicros()).containsExactly(400_000, 500_000);
    }
}
