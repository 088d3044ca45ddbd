package dev.vad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void aTextbookExample() {
        RocCurve roc = RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});

        assertThat(roc.auc()).isCloseTo(0.75, within(1e-12));
        assertThat(roc.eer()).isCloseTo(0.5, within(1e-12));
        assertThat(roc.falsePositiveRates()).containsExactly(0, 0, 0.5, 0.5, 1);
        assertThat(roc.truePositiveRates()).containsExactly(0, 0.5, 0.5, 1, 1);
    }

    @Test
    void perfectReversedAndTiedScores() {
        boolean[] labels = {false, false, true, true};

        assertThat(RocCurve.of(new double[] {1, 2, 3, 4}, labels).auc()).isEqualTo(1.0);
        assertThat(RocCurve.of(new double[] {1, 2, 3, 4}, labels).eer()).isEqualTo(0.0);
        assertThat(RocCurve.of(new double[] {4, 3, 2, 1}, labels).auc()).isEqualTo(0.0);
        assertThat(RocCurve.of(new double[] {7, 7, 7, 7}, labels).auc()).isEqualTo(0.5);
    }

    @Test
    void oneClassOnlyHasNoCurve() {
        RocCurve roc = RocCurve.of(new double[] {1, 2}, new boolean[] {false, false});

        assertThat(roc.auc()).isNaN();
        assertThat(roc.eer()).isNaN();
    }

    @Test
    void theAreaIsTheProbabilityThatAnAnomalousFrameOutscoresANormalOne() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] scores = new double[400];
        boolean[] labels = new boolean[400];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = i % 3 == 0;
            scores[i] = random.nextInt(20) + (labels[i] ? 5 : 0);
        }
        double wins = 0;
        long pairs = 0;
        for (int a = 0; a < scores.length; a++) {
            for (int b = 0; b < scores.length; b++) {
                if (labels[a] && !labels[b]) {
                    pairs++;
                    wins += scores[a] > scores[b] ? 1 : scores[a] == scores[b] ? 0.5 : 0;
                }
            }
        }

        assertThat(RocCurve.of(scores, labels).auc()).isCloseTo(wins / pairs, within(1e-12));
    }
}
