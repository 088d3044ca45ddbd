package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code vad bench fleet} on a real broker, briefly: cameras of the registry ingested and scored live (issue 24). */
@ExtendWith(RealKafka.class)
class FleetBenchmarkIT {

    @Test
    void aCameraIsIngestedAndEveryWindowScoredWithItsLatency(KafkaBackend kafka) throws Exception {
        StringWriter out = new StringWriter();

        int code = new FleetBenchmark(List.of(1), 1, false, Duration.ofSeconds(2), Duration.ofSeconds(4),
                kafka.bootstrapServers(), new PrintWriter(out)).run();

        assertThat(code).isZero();
        Matcher step = Pattern.compile("cameras=1 windows_per_s=([0-9.]+) e2e_p50_ms=(\\d+) e2e_p99_ms=(\\d+)"
                + " published=(\\d+) scored=(\\d+) kept_up=(true|false)").matcher(out.toString());
        assertThat(step.find()).as(out.toString()).isTrue();
        assertThat(Double.parseDouble(step.group(1))).as("a camera at 10 fps gives 1.25 windows of 8 frames a second")
                .isBetween(0.5, 2.0);
        assertThat(Long.parseLong(step.group(4))).isPositive().isEqualTo(Long.parseLong(step.group(5)));
        assertThat(Long.parseLong(step.group(3))).isGreaterThanOrEqualTo(Long.parseLong(step.group(2)));
    }
}
