package dev.vad.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MovingAverageTest {

    @Test
    void averagesTheLastFramesAndAllOfThemWhileFewerHaveCome() {
        MovingAverage average = new MovingAverage(3);
        assertThat(average.add(3)).isEqualTo(3);
        assertThat(average.add(6)).isEqualTo(4.5);
        assertThat(average.add(9)).isEqualTo(6);
        assertThat(average.add(12)).isEqualTo(9);
        assertThat(average.add(0)).isEqualTo(7);
    }

    @Test
    void oneFrameLeavesEachValueAndZeroFramesAreRefused() {
        MovingAverage none = new MovingAverage(1);
        assertThat(none.add(2.5)).isEqualTo(2.5);
        assertThat(none.add(-1)).isEqualTo(-1);
        assertThatThrownBy(() -> new MovingAverage(0)).hasMessageContaining("at least 1 frame");
    }
}
