package dev.vad.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureTimesTest {

    private static final long OPENED = 1_700_000_000_000_000L;
    private static final long FRAME = 50_000;

    @Test
    void framesHeldWhileTheStreamWasProbedKeepTheirSpacingInsteadOfSharingTheMomentTheyAreDecoded() {
        CaptureTimes times = new CaptureTimes(OPENED);
        List<Long> stamps = new ArrayList<>();
        // The handshake and probing took 1.5 s: 30 frames are decoded within 30 ms, then one every 50 ms.
        for (int i = 0; i < 40; i++) {
            long decoded = i < 30 ? OPENED + 1_500_000 + i * 1_000L : OPENED + 1_530_000 + (i - 29) * FRAME;
            stamps.add(times.stamp(i * FRAME, decoded));
        }
        for (int i = 0; i < stamps.size(); i++) {
            assertThat(stamps.get(i)).as("frame %d", i).isEqualTo(OPENED + i * FRAME);
        }
    }

    @Test
    void aStampIsNeverInTheFuture() {
        CaptureTimes times = new CaptureTimes(OPENED);
        times.stamp(0, OPENED + 10_000);

        assertThat(times.stamp(2_000_000, OPENED + 500_000)).as("a stream clock running ahead")
                .isEqualTo(OPENED + 500_000);
        assertThat(times.stamp(2_000_000 + FRAME, OPENED + 520_000)).as("continues from where it was caught")
                .isEqualTo(OPENED + 520_000);
    }

    @Test
    void aStampFallsNoFurtherThanTheMaximumLagBehindTheWallClock() {
        CaptureTimes times = new CaptureTimes(OPENED);
        times.stamp(0, OPENED);
        long late = OPENED + 60_000_000;

        assertThat(times.stamp(FRAME, late)).isEqualTo(late - CaptureTimes.MAX_LAG_MICROS);
        assertThat(times.stamp(2 * FRAME, late + FRAME)).isEqualTo(late - CaptureTimes.MAX_LAG_MICROS + FRAME);
    }

    @Test
    void aStreamClockThatGoesBackOrStandsStillStartsAgainFromTheWallClockAndStampsKeepIncreasing() {
        CaptureTimes times = new CaptureTimes(OPENED);
        long first = times.stamp(5_000_000, OPENED + 100_000);

        long repeated = times.stamp(5_000_000, OPENED + 120_000);
        long back = times.stamp(0, OPENED + 170_000);
        long next = times.stamp(FRAME, OPENED + 220_000);

        assertThat(first).isEqualTo(OPENED);
        assertThat(repeated).isEqualTo(OPENED + 120_000);
        assertThat(back).isEqualTo(OPENED + 170_000);
        assertThat(next).isEqualTo(OPENED + 170_000 + FRAME);
    }

    @Test
    void theFirstFrameIsNotPlacedBeforeTheConnectionWasOpened() {
        CaptureTimes times = new CaptureTimes(OPENED);

        assertThat(times.stamp(90_000_000, OPENED + 300_000)).isEqualTo(OPENED);
        assertThat(times.stamp(90_000_000 + FRAME, OPENED + 350_000)).isEqualTo(OPENED + FRAME);
    }
}
