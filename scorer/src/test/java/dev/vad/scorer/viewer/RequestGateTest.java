package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final RequestGate gate = new RequestGate(10, 20, nanos::get);

    @Test
    void admitsABurstThenRefusesUntilTimeRefillsIt() {
        int admitted = 0;
        while (gate.admit()) {
            admitted++;
        }

        assertThat(admitted).isEqualTo(20);
        nanos.addAndGet(300_000_000L);
        assertThat(gate.admit()).as("0.3 s at 10/s: three more").isTrue();
        assertThat(gate.admit()).isTrue();
        assertThat(gate.admit()).isTrue();
        assertThat(gate.admit()).isFalse();
    }

    @Test
    void aLongQuietSpellRefillsNoMoreThanTheBurst() {
        nanos.addAndGet(3_600_000_000_000L);
        int admitted = 0;
        while (gate.admit()) {
            admitted++;
        }

        assertThat(admitted).isEqualTo(20);
    }
}
