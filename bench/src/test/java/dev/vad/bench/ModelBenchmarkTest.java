package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
            assertThat(t.multiplyAdds()).isPositive();
            assertThat(t.fields(100)).startsWith(t.benchCase().label() + " input=" + t.benchCase().input()
                            + " mode=train batch=2 threads=1 mflop_per_sample=")
                    .containsPattern("vad_samples_per_s=[0-9]+\\.[0-9]{2} vad_gflops=[0-9.]+ vad_peak_pct=[0-9.]+$");
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
    void defaultsAreTodaysCasesPlusCompact32AndFutureAtTheEvalsSize() {
        ModelBenchOptions o = ModelBenchOptions.defaults(BenchMode.TRAIN);

        assertThat(o.cases()).extracting(c -> c.label() + " " + c.input()).containsExactly(
                "model=compact dims=2 64x64", "model=compact dims=3 8x64x64", "model=deep dims=2 64x64",
                "model=deep dims=3 8x64x64", "model=compact32 dims=2 64x64", "model=compact32 dims=3 8x64x64",
                "model=future dims=3 8x96x144");
        assertThat(o.batch()).isEqualTo(32);
        assertThat(ModelBenchmark.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(ModelBenchmark.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }

    @Test
    void aPredictingModelTakesOnlyWindowsAtItsOwnSize() {
        ModelBenchOptions o = ModelBenchOptions.defaults(BenchMode.INFER)
                .withShape(List.of(Preset.FUTURE), List.of(2, 3), 2, 6, 8, 8).withPredictorSize(16, 24);

        assertThat(o.cases()).singleElement().extracting(BenchCase::spatialShape).isEqualTo(List.of(6, 16, 24));
    }

    @Test
    void trainingCountsThreePassesOfTheForwardMultiplyAdds() {
        BenchCase c = new BenchCase(Preset.COMPACT, 2, 1, List.of(8, 8));
        ModelTiming train = new ModelTiming(c, BenchMode.TRAIN, 2, 1, 1037, 4_896, 1000, 0.1);
        ModelTiming infer = new ModelTiming(c, BenchMode.INFER, 2, 1, 1037, 4_896, 1000, Double.NaN);

        assertThat(infer.flopsPerSample()).isEqualTo(2 * 4_896);
        assertThat(train.flopsPerSample()).isEqualTo(3 * 2 * 4_896);
        assertThat(train.gflops(1e6)).isCloseTo(29.376, within(1e-9));
    }
}
