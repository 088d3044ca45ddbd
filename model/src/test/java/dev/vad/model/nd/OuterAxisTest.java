package dev.vad.model.nd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class OuterAxisTest {
    private static final ConvGeometry K3_S1 = ConvGeometry.uniform(4, 3, 1, 1);
    private static final ConvGeometry K3_S2 = ConvGeometry.uniform(4, 3, 2, 1, 1);

    @Test
    void fillCountsThePairsOfPositionsATapJoins() {
        // 4 -> 4, k3 s1 p1: outputs 0 and 3 have two taps inside, 1 and 2 three: 10 of 16
        assertThat(OuterAxis.fill(4, 4, 3, 1, 1)).isEqualTo(10 / 16.0);
        // 4 -> 2, k3 s2 p1: output 0 reads inputs 0-1, output 1 inputs 1-3: 5 of 8
        assertThat(OuterAxis.fill(4, 2, 3, 2, 1)).isEqualTo(5 / 8.0);
        assertThat(OuterAxis.fill(2, 2, 3, 1, 1)).isEqualTo(1.0);
        assertThat(OuterAxis.fill(16, 16, 3, 1, 1)).isEqualTo(46 / 256.0);
        assertThat(OuterAxis.fill(2, 2, 1, 1, 0)).isEqualTo(0.5);
    }

    @Test
    void fillIsTheShareOfTheBandThatIsTaps() {
        assertThat(OuterAxis.fill(6, 3, 3, 2, 1))
                .isEqualTo(OuterTaps.band(6, 3, 3, 2, 1, DataType.DOUBLE).sumNumber().doubleValue() / 18);
    }

    @Test
    void shortAxesAreBandedAndLongOnesGathered() {
        assertThat(OuterAxis.BY_FILL.choose(K3_S1, 4, 4, 8, 8)).isEqualTo(OuterAxis.BANDED);
        assertThat(OuterAxis.BY_FILL.choose(K3_S2, 4, 2, 8, 8)).isEqualTo(OuterAxis.BANDED);
        assertThat(OuterAxis.BY_FILL.choose(K3_S1, 16, 16, 8, 8)).isEqualTo(OuterAxis.GATHERED);
    }

    @Test
    void aKernelOfOneTapIsGathered() {
        ConvGeometry blocks = ConvGeometry.of(new int[] {1, 3, 3, 3}, new int[] {1, 1, 1, 1},
                new int[] {0, 1, 1, 1}, new int[] {0, 0, 0, 0});
        assertThat(OuterAxis.BY_FILL.choose(blocks, 2, 2, 8, 8)).isEqualTo(OuterAxis.GATHERED);
    }

    @Test
    void bandsOfTooManyWeightsAreGathered() {
        // 27 inner taps x (64*4) x (64*4) = 1.8 million weights: banded; 512 channels: 113 million, gathered
        assertThat(OuterAxis.BY_FILL.choose(K3_S1, 4, 4, 64, 64)).isEqualTo(OuterAxis.BANDED);
        assertThat(OuterAxis.BY_FILL.choose(K3_S1, 4, 4, 512, 512)).isEqualTo(OuterAxis.GATHERED);
    }
}
