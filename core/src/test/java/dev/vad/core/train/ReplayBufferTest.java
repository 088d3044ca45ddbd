package dev.vad.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    @Test
    void neverHoldsMoreThanItsCapacity() {
        ReplayBuffer<Integer> buffer = new ReplayBuffer<>(100, new SplittableRandom(1));
        for (int i = 0; i < 10_000; i++) {
            buffer.offer(i);
        }

        assertThat(buffer.size()).isEqualTo(100);
        assertThat(buffer.offered()).isEqualTo(10_000);
        assertThat(buffer.fill()).isEqualTo(1.0);
    }

    @Test
    void keepsAUniformSampleOfTheWholeStreamNotJustTheLatest() {
        int early = 0;
        for (long seed = 0; seed < 200; seed++) {
            ReplayBuffer<Integer> buffer = new ReplayBuffer<>(100, new SplittableRandom(seed));
            for (int i = 0; i < 1_000; i++) {
                buffer.offer(i);
            }
            early += (int) buffer.sample(1_000).stream().filter(i -> i < 500).count();
        }

        assertThat(early / (200.0 * 1_000)).as("half the stream came first, so about half the sample")
                .isBetween(0.45, 0.55);
    }

    @Test
    void theSameSeedGivesTheSameBuffer() {
        ReplayBuffer<Integer> a = new ReplayBuffer<>(10, new SplittableRandom(5));
        ReplayBuffer<Integer> b = new ReplayBuffer<>(10, new SplittableRandom(5));
        for (int i = 0; i < 500; i++) {
            a.offer(i);
            b.offer(i);
        }

        assertThat(a.sample(20)).isEqualTo(b.sample(20));
    }

    @Test
    void anEmptyBufferCannotBeSampled() {
        assertThatThrownBy(() -> new ReplayBuffer<String>(3, new SplittableRandom(1)).sample(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty replay buffer");
        assertThatThrownBy(() -> new ReplayBuffer<String>(0, new SplittableRandom(1)))
                .hasMessageContaining("capacity 0");
    }
}
