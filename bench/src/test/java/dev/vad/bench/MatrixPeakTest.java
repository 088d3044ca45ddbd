package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixPeakTest {

    @Test
    void peakIsTwiceTheCubeOfTheSizeOverTheFastestProduct() {
        long[] ticks = {0};
        // every clock read advances 1 ms: each timed product of 64 x 64 matrices lasts 1 ms
        double gflops = new MatrixPeak(() -> ticks[0] += 1_000_000L).gflops(1, List.of(64));

        assertThat(gflops).isEqualTo(2.0 * 64 * 64 * 64 / 1_000_000);
    }

    @Test
    void measuresAPositiveRateOnTheRealClock() {
        assertThat(new MatrixPeak(System::nanoTime).gflops(1, List.of(128))).isPositive().isFinite();
    }
}
