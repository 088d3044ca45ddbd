package dev.vad.model.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.vad.common.wire.ScoreStatistics;
import org.junit.jupiter.api.Test;

class ScoreSummariesTest {

    @Test
    void summarisesCentreSpreadAndTail() {
        ScoreStatistics s = ScoreSummaries.of(new double[] {5, 1, 3, 2, 4, 100});

        assertThat(s.count()).isEqualTo(6);
        assertThat(s.mean()).isCloseTo(115 / 6.0, offset(1e-12));
        assertThat(s.median()).isEqualTo(3.5);
        assertThat(s.mad()).as("median of 2.5 1.5 0.5 0.5 1.5 96.5").isEqualTo(1.5);
        assertThat(s.quantiles()).extracting(ScoreStatistics.Quantile::probability)
                .containsExactly(0.5, 0.9, 0.95, 0.99, 0.999);
        assertThat(s.quantiles().get(1).value()).isCloseTo(5 + 0.5 * 95, offset(1e-9));
        assertThat(s.std()).isGreaterThan(30);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30};

        assertThat(ScoreSummaries.quantile(sorted, 0)).isZero();
        assertThat(ScoreSummaries.quantile(sorted, 0.5)).isEqualTo(15);
        assertThat(ScoreSummaries.quantile(sorted, 1)).isEqualTo(30);
        assertThat(ScoreSummaries.quantile(new double[] {7}, 0.99)).isEqualTo(7);
    }

    @Test
    void anEmptySampleIsRefused() {
        assertThatThrownBy(() -> ScoreSummaries.of(new double[0])).hasMessageContaining("empty sample");
    }
}
