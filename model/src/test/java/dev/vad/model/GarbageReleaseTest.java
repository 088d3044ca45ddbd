package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GarbageReleaseTest {

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    @Test
    void collectsOnlyOncePerPeriod() {
        AtomicLong clock = new AtomicLong(0);
        GarbageRelease release = new GarbageRelease(Duration.ofSeconds(60), clock::get);

        clock.set(Duration.ofSeconds(59).toNanos());
        boolean early = release.maybeCollect();
        clock.set(Duration.ofSeconds(60).toNanos());
        long before = collections();
        boolean due = release.maybeCollect();
        long after = collections();
        clock.set(Duration.ofSeconds(119).toNanos());
        boolean again = release.maybeCollect();

        assertThat(early).as("less than a period after creation").isFalse();
        assertThat(due).as("a period after creation").isTrue();
        assertThat(after).as("the JVM's collection count").isGreaterThan(before);
        assertThat(again).as("less than a period after the last collection").isFalse();
    }

    @Test
    void collectsAgainOnceThePeriodHasPassedSinceTheLast() {
        AtomicLong clock = new AtomicLong(0);
        GarbageRelease release = new GarbageRelease(Duration.ofSeconds(60), clock::get);
        clock.set(Duration.ofSeconds(70).toNanos());
        release.maybeCollect();

        clock.set(Duration.ofSeconds(129).toNanos());
        boolean early = release.maybeCollect();
        clock.set(Duration.ofSeconds(130).toNanos());
        boolean due = release.maybeCollect();

        assertThat(early).isFalse();
        assertThat(due).isTrue();
    }
}
