package dev.vad.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GarbageReleaseTest {

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    @Test
    void collectsFirstThenNotAgainWithinThePeriod() {
        GarbageRelease release = new GarbageRelease(Duration.ofHours(1));

        long before = collections();
        release.maybeCollect();
        long afterFirst = collections();
        release.maybeCollect();
        release.maybeCollect();

        assertThat(afterFirst).as("the first call collects").isGreaterThan(before);
        assertThat(collections()).as("no further full collection within the hour").isLessThanOrEqualTo(afterFirst + 1);
    }

    @Test
    void collectsAgainOnceThePeriodHasPassed() {
        GarbageRelease release = new GarbageRelease(Duration.ZERO);
        release.maybeCollect();

        long before = collections();
        release.maybeCollect();

        assertThat(collections()).isGreaterThan(before);
    }
}
