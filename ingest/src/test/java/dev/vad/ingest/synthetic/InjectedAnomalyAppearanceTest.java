package dev.vad.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vad.ingest.synthetic.InjectedAnomaly.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InjectedAnomalyAppearanceTest {

    private static final int SIZE = 64;

    /** One anomaly, with its scene and the same scene without anomalies. */
    private record Case(SyntheticScene scene, SyntheticScene clean, InjectedAnomaly anomaly) {

        byte[] frame(long t) {
            return scene.render(anomaly.firstFrame() + t);
        }

        byte[] cleanFrame(long t) {
            return clean.render(anomaly.firstFrame() + t);
        }

        boolean[] objectMask(long t) {
            return FrameMeasure.changed(frame(t), cleanFrame(t), scene.settings().channels(), 0);
        }
    }

    private static List<Case> cases(Kind kind) {
        List<Case> cases = new ArrayList<>();
        for (int channels : new int[] {1, 3}) {
            for (long seed = 1; seed <= 6; seed++) {
                SceneSettings settings = SceneSettings.defaults(SIZE, SIZE, channels).withSeed(seed);
                SyntheticScene scene = new SyntheticScene(settings);
                SyntheticScene clean = new SyntheticScene(settings.withoutAnomalies());
                scene.anomaliesBetween(0, 2_750).stream().filter(a -> a.kind() == kind)
                        .forEach(a -> cases.add(new Case(scene, clean, a)));
            }
        }
        return cases;
    }

    @Test
    void anomalousFramesDifferFromTheCleanSceneAndNormalFramesDoNot() {
        List<SceneSettings> scenes = new ArrayList<>();
        for (int channels : new int[] {1, 3}) {
            for (long seed = 1; seed <= 3; seed++) {
                scenes.add(new SceneSettings(seed, SIZE, SIZE, channels, 25, 6, 100, 70, 50));
                scenes.add(new SceneSettings(seed, 16, 16, channels, 25, 3, 10, 20, 15));
            }
        }
        scenes.add(new SceneSettings(4, 200, 120, 3, 30, 10, 30, 60, 45));
        for (SceneSettings settings : scenes) {
            SyntheticScene scene = new SyntheticScene(settings);
            SyntheticScene clean = new SyntheticScene(settings.withoutAnomalies());
            long end = settings.firstAnomalyFrame() + 4 * settings.anomalyEveryFrames();
            for (long frame = 0; frame < end; frame++) {
                double difference = FrameMeasure.meanAbsoluteDifference(scene.render(frame), clean.render(frame));
                if (scene.isAnomalous(frame)) {
                    assertThat(difference).as("anomalous frame %d of %s", frame, settings).isGreaterThan(0.1);
                } else {
                    assertThat(difference).as("normal frame %d of %s", frame, settings).isZero();
                }
            }
        }
    }

    @Test
    void globalChangeShiftsTheMeanBrightnessALotBothWays() {
        Set<Boolean> brighter = new HashSet<>();
        for (Case c : cases(Kind.GLOBAL_CHANGE)) {
            for (long t = 0; t < c.anomaly().lengthFrames(); t++) {
                double shift = FrameMeasure.meanBrightness(c.frame(t)) - FrameMeasure.meanBrightness(c.cleanFrame(t));
                assertThat(Math.abs(shift)).as("%s frame %d", c.anomaly(), t).isGreaterThan(50);
                brighter.add(shift > 0);
            }
        }
        assertThat(brighter).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void wrongDirectionObjectWalksStraightUpOrDownAcrossTheLanes() {
        List<Case> cases = cases(Kind.WRONG_DIRECTION);
        assertThat(cases).isNotEmpty();
        for (Case c : cases) {
            double speed = SceneGeometry.of(c.scene().settings()).walkSpeed();
            long last = c.anomaly().lengthFrames() - 1;
            double[] start = FrameMeasure.centroid(c.objectMask(0), SIZE);
            double[] end = FrameMeasure.centroid(c.objectMask(last), SIZE);
            assertThat(Math.abs(end[1] - start[1])).as("%s vertical travel", c.anomaly())
                    .isCloseTo(speed * last, within(1.5));
            for (long t = 0; t <= last; t++) {
                double[] at = FrameMeasure.centroid(c.objectMask(t), SIZE);
                assertThat(at).as("%s frame %d", c.anomaly(), t).isNotNull();
                assertThat(Math.abs(at[0] - start[0])).as("%s sideways drift", c.anomaly()).isLessThan(1.0);
            }
        }
    }

    @Test
    void fastObjectRunsAlongALaneAboutFiveTimesWalkingSpeed() {
        List<Case> cases = cases(Kind.FAST_OBJECT);
        assertThat(cases).isNotEmpty();
        for (Case c : cases) {
            double speed = SceneGeometry.of(c.scene().settings()).walkSpeed();
            List<Double> steps = new ArrayList<>();
            double[] previous = null;
            for (long t = 0; t < c.anomaly().lengthFrames(); t++) {
                boolean[] mask = c.objectMask(t);
                double[] at = FrameMeasure.touchesLeftAndRight(mask, SIZE) ? null : FrameMeasure.centroid(mask, SIZE);
                if (previous != null && at != null && Math.abs(at[0] - previous[0]) < SIZE / 2.0) {
                    steps.add(at[0] - previous[0]);
                    assertThat(Math.abs(at[1] - previous[1])).as("%s vertical step", c.anomaly()).isLessThan(0.5);
                }
                previous = at;
            }
            double median = median(steps);
            assertThat(Math.abs(median)).as("%s speed", c.anomaly()).isBetween(4 * speed, 6 * speed);
            assertThat(steps).as("%s direction", c.anomaly()).allMatch(step -> Math.signum(step) == Math.signum(median));
        }
    }

    @Test
    void oddShapeIsOneLargeBlobInEveryFrame() {
        List<Case> cases = cases(Kind.ODD_SHAPE);
        assertThat(cases).isNotEmpty();
        for (Case c : cases) {
            double side = SceneGeometry.of(c.scene().settings()).cartSide();
            for (long t = 0; t < c.anomaly().lengthFrames(); t++) {
                assertThat(FrameMeasure.largestBlob(c.objectMask(t), SIZE)).as("%s frame %d", c.anomaly(), t)
                        .isGreaterThan((int) (0.9 * side * side));
            }
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(sorted).isNotEmpty();
        return sorted[sorted.length / 2];
    }
}
