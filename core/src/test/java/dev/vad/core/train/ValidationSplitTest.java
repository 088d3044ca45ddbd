package dev.vad.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    @Test
    void holdsOutAboutOneWindowInN() {
        ValidationSplit split = new ValidationSplit(10);

        long held = LongStream.range(0, 10_000).filter(s -> split.isValidation("cam-1", s)).count();

        assertThat(held).isBetween(900L, 1_100L);
    }

    @Test
    void aWindowAlwaysLandsOnTheSameSide() {
        ValidationSplit split = new ValidationSplit(5);

        assertThat(LongStream.range(0, 100).filter(s -> split.isValidation("door", s)).toArray())
                .isEqualTo(LongStream.range(0, 100).filter(s -> new ValidationSplit(5).isValidation("door", s))
                        .toArray());
    }

    @Test
    void streamsAreSplitIndependently() {
        ValidationSplit split = new ValidationSplit(4);

        long[] a = LongStream.range(0, 200).filter(s -> split.isValidation("a", s)).toArray();
        long[] b = LongStream.range(0, 200).filter(s -> split.isValidation("b", s)).toArray();

        assertThat(a).isNotEqualTo(b);
    }
}
