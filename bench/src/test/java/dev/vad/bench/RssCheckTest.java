package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.model.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RssCheckTest {
    private static final BenchCase COMPACT_3D = new BenchCase(Preset.COMPACT, 3, 1, List.of(4, 8, 8));

    @Test
    void samplesEveryKStepsAndReportsGrowth() {
        long[] rss = {100_000_000L};
        ModelBenchOptions options = ModelBenchOptions.defaults(BenchMode.TRAIN).withThreads(1)
                .withShape(List.of(Preset.COMPACT), List.of(3), 2, 4, 8, 8);
        RssReport report = new RssCheck(() -> rss[0] += 5_000_000L).run(options, COMPACT_3D, 6, 2);

        assertThat(report.residentBytes()).containsExactly(105_000_000L, 110_000_000L, 115_000_000L);
        assertThat(report.growthPercent()).isCloseTo(9.52, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.flat()).isTrue();
        assertThat(report.line()).startsWith("model=compact dims=3 mode=train rss_steps=6 rss_every=2 rss_samples=3"
                + " rss_first_mb=105.0 rss_last_mb=115.0 rss_max_mb=115.0 rss_growth_pct=9.5 rss_flat=true");
    }

    @Test
    void aPeakAboveTenPercentIsNotFlat() {
        RssReport report = new RssReport(COMPACT_3D, 3, 1, List.of(100L, 130L, 105L));

        assertThat(report.max()).isEqualTo(130);
        assertThat(report.flat()).isFalse();
    }

    @Test
    void readsResidentMemoryFromAStatusFile(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\n"
                + "VmRSS:\t  204800 kB\n");
        ProcStatus proc = new ProcStatus(status);

        assertThat(proc.residentBytes()).isEqualTo(204_800L * 1024);
        assertThat(new ProcStatus(ProcStatus.SELF).residentBytes()).isPositive();
    }
}
