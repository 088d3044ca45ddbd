package dev.vad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapWithoutJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 0);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(backoff.delay(0, random)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3, random)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(1000, random)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void jitterSpreadsWaitsWithinItsBandAndIsReproducibleFromTheSeed() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);
        SplittableRandom a = new SplittableRandom(42);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.delay(0, a))
                .peek(d -> assertThat(d).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200)))
                .distinct().count();

        assertThat(distinct).isGreaterThan(40);
        assertThat(backoff.delay(3, new SplittableRandom(7))).isEqualTo(backoff.delay(3, new SplittableRandom(7)));
    }
}
