package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void pausesDoubleFromTheBaseDelayUpToTheCap() {
        RetrySchedule schedule = new RetrySchedule(8, Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(IntStream.range(1, 8).mapToObj(schedule::delayAfter)).extracting(Duration::toMillis)
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void theDefaultsPauseOneTwoFourAndEightSecondsBetweenFiveAttempts() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;

        assertThat(IntStream.range(1, 5).mapToObj(schedule::delayAfter)).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L);
    }

    @Test
    void aLongScheduleNeverOverflowsPastTheCap() {
        RetrySchedule schedule = new RetrySchedule(1000, Duration.ofMillis(50), Duration.ofMinutes(5));

        assertThat(schedule.delayAfter(999)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theWorstCaseIsEveryAttemptTimingOutPlusEveryPause() {
        RetrySchedule schedule = new RetrySchedule(3, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(schedule.worstCase(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(6_000 + 100 + 200));
    }

    @Test
    void oneAttemptHasNoPause() {
        RetrySchedule schedule = new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(schedule.worstCase(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> schedule.delayAfter(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempt 1 of 1 is not followed by another");
    }

    @Test
    void refusesNoAttemptsAndACapBelowTheBase() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("at least once");
        assertThatThrownBy(() -> new RetrySchedule(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("base delay <= max delay");
    }
}
