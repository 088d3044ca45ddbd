package dev.vad.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.vad.common.wire.ScoreStatistics;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalCalibratorTest {

    private static final ScoreStatistics VALIDATION = new ScoreStatistics(1000, 0.010, 0.002, 0.010, 0.001,
            List.of());

    private static final CalibrationSettings LINEAR = new CalibrationSettings(3000, 300, 50, 4, 1, ScoreScale.LINEAR);

    @Test
    void startsFromTheModelsValidationStatistics() {
        CausalCalibrator calibrator = new CausalCalibrator(VALIDATION, LINEAR);

        assertThat(calibrator.calibrate(0.010)).isZero();
        assertThat(calibrator.calibrate(0.010 + 1.4826 * 0.001 * 5)).isCloseTo(5, offset(1e-9));
    }

    @Test
    void adaptsToTheStreamsOwnLevelFromPastScoresOnly() {
        CausalCalibrator calibrator = new CausalCalibrator(VALIDATION, new CalibrationSettings(500, 100, 10, 4, 1, ScoreScale.LINEAR));
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
        CausalCalibrator calibrator = new CausalCalibrator(VALIDATION, new CalibrationSettings(500, 10, 1, 4, 1, ScoreScale.LINEAR));
        for (int i = 0; i < 200; i++) {
            calibrator.calibrate(0.5);
        }

        assertThat(calibrator.historySize()).isZero();
        assertThat(calibrator.calibrate(0.5)).isGreaterThan(100);
    }

    @Test
    void aModelWithoutSpreadInItsValidationStillGivesFiniteScores() {
        ScoreStatistics flat = new ScoreStatistics(10, 0.01, 0, 0.01, 0, List.of());
        for (CalibrationSettings settings : List.of(LINEAR, CalibrationSettings.DEFAULT)) {
            CausalCalibrator calibrator = new CausalCalibrator(flat, settings);

            assertThat(calibrator.calibrate(0.02)).as("%s", settings.scale()).isFinite().isPositive();
            assertThat(calibrator.calibrate(0)).as("%s", settings.scale()).isFinite().isNegative();
        }
    }

    @Test
    void onTheLogScaleTheValidationsNinetiethPercentileSetsTheSpread() {
        ScoreStatistics skewed = new ScoreStatistics(1000, 0.002, 0.003, 0.001, 0.0002,
                List.of(new ScoreStatistics.Quantile(0.5, 0.001), new ScoreStatistics.Quantile(0.9, 0.004)));
        CausalCalibrator calibrator = new CausalCalibrator(skewed, CalibrationSettings.DEFAULT);

        assertThat(calibrator.calibrate(0.001)).isCloseTo(0, offset(1e-9));
        assertThat(calibrator.calibrate(0.004)).as("the 90th percentile").isCloseTo(1.2816, offset(1e-3));
        assertThat(calibrator.calibrate(0.004 * 0.004 / 0.001)).isCloseTo(2 * 1.2816, offset(1e-3));
        assertThat(new CausalCalibrator(skewed, LINEAR).calibrate(0.004))
                .as("the same normal error, many MADs above the median on the linear scale")
                .isGreaterThan(10);
    }

    @Test
    void onTheLogScaleAStreamsLongTailOfNormalErrorsFlagsFarFewerFramesThanOnTheLinearOne() {
        CausalCalibrator log = new CausalCalibrator(VALIDATION, new CalibrationSettings(1000, 300, 10, 4, 1,
                ScoreScale.LOG));
        CausalCalibrator linear = new CausalCalibrator(VALIDATION, new CalibrationSettings(1000, 300, 10, 4, 1,
                ScoreScale.LINEAR));
        SplittableRandom random = new SplittableRandom(7);
        int flaggedLog = 0;
        int flaggedLinear = 0;
        for (int i = 0; i < 1000; i++) {
            // the usual level with a long upper tail: busy moments multiply the error
            double error = 0.01 * Math.exp(0.1 * random.nextGaussian() - 0.3 * Math.log(1 - random.nextDouble()));
            boolean counted = i >= 300;
            flaggedLog += log.calibrate(error) >= 4 && counted ? 1 : 0;
            flaggedLinear += linear.calibrate(error) >= 4 && counted ? 1 : 0;
        }

        assertThat(flaggedLog).as("normal frames of 700 flagged on the log scale").isLessThan(45);
        assertThat(flaggedLinear).as("on the linear scale").isGreaterThan(2 * flaggedLog);
        assertThat(log.calibrate(0.01 * 30)).as("thirty times the usual level").isGreaterThan(4);
    }

    @Test
    void onTheLogScaleAnErrorTwiceAsHighWeighsTheSameAtAnyLevel() {
        CalibrationSettings log = new CalibrationSettings(500, 100, 10, 4, 1, ScoreScale.LOG);
        CausalCalibrator quiet = new CausalCalibrator(VALIDATION, log);
        CausalCalibrator busy = new CausalCalibrator(VALIDATION, log);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            double noise = Math.exp(0.3 * random.nextGaussian());
            quiet.calibrate(0.001 * noise);
            busy.calibrate(0.01 * noise);
        }

        assertThat(quiet.calibrate(0.002)).isCloseTo(busy.calibrate(0.02), offset(0.5));
        assertThat(quiet.calibrate(0.02)).as("ten times the usual level").isGreaterThan(5);
    }
}
