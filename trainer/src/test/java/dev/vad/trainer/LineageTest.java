package dev.vad.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.OffsetRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {

    @Test
    void recordsTheSpanOfEachPartitionConsumed() {
        Lineage lineage = Lineage.fresh("frames");
        assertThat(lineage.isEmpty()).isTrue();
        lineage.record(1, 7);
        lineage.record(0, 3);
        lineage.record(1, 9);
        lineage.record(0, 4);

        assertThat(lineage.ranges()).containsExactly(new OffsetRange("frames", 0, 3, 5),
                new OffsetRange("frames", 1, 7, 10));
    }

    @Test
    void aContinuedModelJoinsTouchingRangesAndKeepsSeparateOnes() {
        Lineage lineage = Lineage.continuing("frames", List.of(new OffsetRange("frames", 0, 0, 100),
                new OffsetRange("frames", 1, 0, 50), new OffsetRange("older", 0, 0, 10)));
        lineage.record(0, 100);
        lineage.record(0, 140);
        lineage.record(1, 70);

        assertThat(lineage.ranges()).containsExactly(new OffsetRange("frames", 0, 0, 141),
                new OffsetRange("frames", 1, 0, 50), new OffsetRange("frames", 1, 70, 71),
                new OffsetRange("older", 0, 0, 10));
    }

    @Test
    void aReplayedRangeIsCoveredWhole() {
        Lineage lineage = Lineage.fresh("frames");
        lineage.record(0, 12);
        lineage.cover(0, 10, 20);
        assertThat(lineage.ranges()).containsExactly(new OffsetRange("frames", 0, 10, 20));
    }
}
