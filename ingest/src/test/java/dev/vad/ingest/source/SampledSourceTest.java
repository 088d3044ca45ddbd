package dev.vad.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A camera's {@code fps}: a source thinned to a rate by its frames' timestamps (issue 24). */
class SampledSourceTest {

    /** Frames at the given times in milliseconds, each with its place in the source. */
    private static final class Timed implements FrameSource {

        private final long[] millis;
        private int next;
        int opens;

        Timed(long... millis) {
            this.millis = millis;
        }

        @Override
        public void open() {
            opens++;
            next = 0;
        }

        @Override
        public DecodedFrame next() {
            return next < millis.length ? new DecodedFrame(new byte[1], millis[next] * 1000, next++) : null;
        }

        @Override
        public double frameRate() {
            return 25;
        }

        @Override
        public void close() {
        }
    }

    private static List<Long> keptMillis(FrameSource source) throws SourceException {
        List<Long> out = new ArrayList<>();
        for (DecodedFrame f = source.next(); f != null; f = source.next()) {
            out.add(f.timestampMicros() / 1000);
            assertThat(f.position()).isEqualTo(-1);
        }
        return out;
    }

    @Test
    void aTwentyFiveFrameSourceSampledAtTenKeepsTenFramesASecondEvenlyAndRestartsAfterAGap()
            throws SourceException {
        long[] times = new long[60];
        for (int i = 0; i < 50; i++) {
            times[i] = i * 40L;
        }
        for (int i = 50; i < 60; i++) {
            times[i] = 10_000 + (i - 50) * 40L;
        }
        SampledSource sampled = new SampledSource(new Timed(times), 10);
        sampled.open();

        List<Long> kept = keptMillis(sampled);

        assertThat(kept.subList(0, 20)).containsExactly(0L, 120L, 200L, 320L, 400L, 520L, 600L, 720L, 800L, 920L,
                1000L, 1120L, 1200L, 1320L, 1400L, 1520L, 1600L, 1720L, 1800L, 1920L);
        assertThat(kept.subList(20, kept.size())).containsExactly(10_000L, 10_120L, 10_200L, 10_320L);
        assertThat(sampled.frameRate()).isEqualTo(10);
    }

    @Test
    void aRateAboveTheSourcesKeepsEveryFrameAndReopeningStartsAgain() throws SourceException {
        Timed timed = new Timed(0, 40, 80);
        SampledSource sampled = new SampledSource(timed, 100);
        sampled.open();
        assertThat(keptMillis(sampled)).containsExactly(0L, 40L, 80L);
        sampled.open();
        assertThat(keptMillis(sampled)).containsExactly(0L, 40L, 80L);
        assertThat(timed.opens).isEqualTo(2);
        assertThat(sampled.frameRate()).isEqualTo(25);
        assertThatThrownBy(() -> new SampledSource(timed, 0)).hasMessageContaining("above 0");
    }
}
