package dev.vad.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.ingest.synthetic.InjectedAnomaly.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyScheduleTest {

    private final SyntheticScene scene = new SyntheticScene(SceneSettings.defaults(64, 64, 1));

    @Test
    void framesBeforeTheFirstAnomalyAreNormal() {
        for (long frame = 0; frame < 750; frame++) {
            assertThat(scene.isAnomalous(frame)).as("frame %d", frame).isFalse();
        }
        assertThat(scene.anomaliesBetween(0, 750)).isEmpty();
        assertThat(scene.isAnomalous(750)).isTrue();
    }

    @Test
    void scheduleFollowsTheSettings() {
        List<InjectedAnomaly> anomalies = scene.anomaliesBetween(0, 3_000);

        assertThat(anomalies).extracting(InjectedAnomaly::firstFrame).containsExactly(750L, 1250L, 1750L, 2250L, 2750L);
        assertThat(anomalies).allSatisfy(a -> {
            assertThat(a.lengthFrames()).isEqualTo(50);
            assertThat(a.lastFrame()).isEqualTo(a.firstFrame() + 49);
        });
        assertThat(scene.anomalyAt(799)).contains(anomalies.get(0));
        assertThat(scene.anomalyAt(800)).isEmpty();
        assertThat(scene.anomalyAt(1249)).isEmpty();
    }

    @Test
    void everyRunOfFourAnomaliesShowsAllFourKinds() {
        for (long seed = 0; seed < 20; seed++) {
            SyntheticScene seeded = new SyntheticScene(SceneSettings.defaults(64, 64, 1).withSeed(seed));
            List<InjectedAnomaly> anomalies = seeded.anomaliesBetween(0, 750 + 8 * 500);
            assertThat(anomalies).hasSize(8);
            for (int run = 0; run < 2; run++) {
                EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
                anomalies.subList(4 * run, 4 * run + 4).forEach(a -> kinds.add(a.kind()));
                assertThat(kinds).as("seed %d run %d", seed, run).containsExactlyInAnyOrder(Kind.values());
            }
        }
    }

    @Test
    void kindOrderDependsOnTheSeed() {
        List<List<Kind>> orders = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            orders.add(new SyntheticScene(SceneSettings.defaults(64, 64, 1).withSeed(seed))
                    .anomaliesBetween(0, 2_750).stream().map(InjectedAnomaly::kind).toList());
        }
        assertThat(orders.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void anomaliesBetweenAgreesWithAnomalyAt() {
        SyntheticScene dense = new SyntheticScene(new SceneSettings(5, 32, 32, 1, 25, 2, 17, 23, 9));
        long[][] ranges = {{0, 0}, {0, 17}, {0, 18}, {25, 26}, {26, 40}, {30, 200}, {41, 63}, {100, 1000}};
        for (long[] range : ranges) {
            List<InjectedAnomaly> expected = new ArrayList<>();
            for (long frame = range[0]; frame < range[1]; frame++) {
                dense.anomalyAt(frame).filter(a -> !expected.contains(a)).ifPresent(expected::add);
            }
            assertThat(dense.anomaliesBetween(range[0], range[1]))
                    .as("[%d, %d)", range[0], range[1]).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anomalyAtAndIsAnomalousAgreeWithCovers() {
        for (long frame = 0; frame < 3_000; frame++) {
            long at = frame;
            assertThat(scene.isAnomalous(frame)).isEqualTo(scene.anomalyAt(frame).isPresent());
            scene.anomalyAt(frame).ifPresent(a -> assertThat(a.covers(at)).isTrue());
        }
    }

    @Test
    void noAnomaliesWhenDisabled() {
        SyntheticScene clean = new SyntheticScene(SceneSettings.defaults(64, 64, 1).withoutAnomalies());

        assertThat(clean.anomaliesBetween(0, 1_000_000)).isEmpty();
        assertThat(clean.isAnomalous(760)).isFalse();
    }

    @Test
    void anomaliesBetweenRejectsAnInvertedRange() {
        assertThatThrownBy(() -> scene.anomaliesBetween(10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from <= to, found [10, 5)");
    }
}
