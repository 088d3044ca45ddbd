package dev.vad.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.model.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBenchmarkTest {

    private static ModelBenchOptions tiny(BenchMode mode) {
        return ModelBenchOptions.defaults(mode).withThreads(1).withIterations(1, 2, 1).withWarmUpSeconds(0)
                .withShape(List.of(Preset.COMPACT, Preset.DEEP), List.of(2, 3), 2, 8, 8, 8);
    }

    @Test
    void trainingTimesEveryCaseWithPositiveRatesAndTheEnginesParameterCounts() {
        List<ModelTiming> timings = new ModelBenchmark(System::nanoTime).run(tiny(BenchMode.TRAIN));

        assertThat(timings).extracting(t -> t.benchCase().label())
                .containsExactly("model=compact dims=2", "model=compact dims=3", "model=deep dims=2",
                        "model=deep dims=3");
        assertThat(timings).allSatisfy(t -> {
            assertThat(t.samplesPerSecond()).isPositive().isFinite();
            assertThat(t.loss()).isBetween(0.0, 1.0);
            assertThat(t.threads()).isEqualTo(1);
            assertThat(t.fields()).startsWith(t.benchCase().label() + " mode=train batch=2 threads=1 vad_params=")
                    .containsPattern("vad_samples_per_s=[0-9]+\\.[0-9]{2}$");
        });
        assertThat(timings.get(0).parameters()).isEqualTo(1_037);
        assertThat(timings.get(1).parameters()).isEqualTo(3_053);
    }

    @Test
    void inferenceReportsARateAndNoLoss() {
        ModelBenchOptions options = tiny(BenchMode.INFER).withShape(List.of(Preset.COMPACT), List.of(2), 2, 8, 8, 8);
        List<ModelTiming> timings = new ModelBenchmark(System::nanoTime).run(options);

        assertThat(timings).singleElement().satisfies(t -> {
            assertThat(t.mode()).isEqualTo(BenchMode.INFER);
            assertThat(t.samplesPerSecond()).isPositive();
            assertThat(t.loss()).isNaN();
        });
    }

    @Test
    void rateIsBatchTimesIterationsOverTheMedianRun() {
        long[] ticks = {0};
        ModelBenchOptions options = tiny(BenchMode.INFER).withIterations(0, 4, 3)
                .withShape(List.of(Preset.COMPACT), List.of(2), 2, 8, 8, 8);
        // each clock read advances 0.5 s: every timed run lasts 0.5 s
        ModelTiming t = new ModelBenchmark(() -> ticks[0] += 500_000_000L).run(options).get(0);

        assertThat(t.samplesPerSecond()).isEqualTo(2 * 4 / 0.5);
    }

    @Test
    void warmUpLastsForItsStepsAndItsSecondsBoth() {
        ModelBenchOptions o = tiny(BenchMode.TRAIN).withIterations(3, 2, 1).withWarmUpSeconds(10);

        assertThat(o.warmedUp(2, 60_000_000_000L)).isFalse();
        assertThat(o.warmedUp(3, 9_999_000_000L)).isFalse();
        assertThat(o.warmedUp(3, 10_000_000_000L)).isTrue();
        assertThat(o.warmedUp(500, 10_000_000_001L)).isTrue();
        assertThat(ModelBenchOptions.defaults(BenchMode.TRAIN).warmUpSeconds()).isEqualTo(10);
        assertThatThrownBy(() -> o.withWarmUpSeconds(-1)).hasMessageContaining("warm-up seconds must be 0 or more");
    }

    @Test
    void warmUpRunsStepsUntilItsTimeHasPassed() {
        long[] ticks = {0};
        ModelBenchOptions options = tiny(BenchMode.INFER).withIterations(0, 1, 1).withWarmUpSeconds(3)
                .withShape(List.of(Preset.COMPACT), List.of(2), 2, 8, 8, 8);
        // each clock read advances 1 s: the warm-up's start, three reads to reach 3 s, then one timed run
        new ModelBenchmark(() -> ticks[0] += 1_000_000_000L).run(options);

        assertThat(ticks[0]).isEqualTo(6_000_000_000L);
    }

    @Test
    void defaultsAreTheIssuesSetting() {
        ModelBenchOptions o = ModelBenchOptions.defaults(BenchMode.TRAIN);

        assertThat(o.cases()).extracting(BenchCase::spatialShape)
                .containsExactly(List.of(64, 64), List.of(8, 64, 64), List.of(64, 64), List.of(8, 64, 64));
        assertThat(o.batch()).isEqualTo(32);
        assertThat(ModelBenchmark.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(ModelBenchmark.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }
}
