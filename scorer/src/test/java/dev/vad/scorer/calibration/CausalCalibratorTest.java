package dev.vad.scorer.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.vad.common.wire.ScoreStatistics;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalCalibratorTest {

    private static final ScoreStatistics VALIDATION = new ScoreStatistics(1000, 0.010, 0.002, 0.010, 0.001,
            List.of());

    @Test
    void startsFromTheModelsValidationStatistics() {
        CausalCalibrator calibrator = new CausalCalibrator(VALIDATION, CalibrationSettings.DEFAULT);

        assertThat(calibrator.calibrate(0.010)).isZero();
        assertThat(calibrator.calibrate(0.010 + 1.4826 * 0.001 * 5)).isCloseTo(5, offset(1e-9));
    }

    @Test
    void adaptsToTheStreamsOwnLevelFromPastScoresOnly() {
        CausalCalibrator calibrator = new CausalCalibrator(VALIDATION, new CalibrationSettings(500, 100, 10, 4, 1));
        SplittableRandom random = new SplittableRandom(3);
        // this camera's normal error sits a little higher than the validation set's, well below the threshold
        for (int i = 0; i < 400; i++) {
            calibrator.calibrate(0.013 + 0.001 * random.nextGaussian());
        }

        assertThat(calibrator.calibrate(0.013)).as("its usual level now reads as normal").isCloseTo(0, offset(0.3));
        assertThat(calibrator.calibrate(0.030)).as("a real excursion still stands out").isGreaterThan(8);
    }

    @Test
    void anomaliesDoNotRaiseTheirOwnBaseline() {
        CausalCalibrator calibrator = new CausalCalibrator(VALIDATION, new CalibrationSettings(500, 10, 1, 4, 1));
        for (int i = 0; i < 200; i++) {
            calibrator.calibrate(0.5);
        }

        assertThat(calibrator.historySize()).isZero();
        assertThat(calibrator.calibrate(0.5)).isGreaterThan(100);
    }

    @Test
    void aModelWithoutSpreadInItsValidationStillGivesFiniteScores() {
        ScoreStatistics flat = new ScoreStatistics(10, 0.01, 0, 0.01, 0, List.of());
        CausalCalibrator calibrator = new CausalCalibrator(flat, CalibrationSettings.DEFAULT);

        assertThat(calibrator.calibrate(0.02)).isFinite().isPositive();
    }
}
