package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code vad demo} as a newcomer runs it, on the embedded broker, with the synthetic scene played fast. */
class DemoIT {

    @Test
    void detectsEveryInjectedAnomalyKindWithAtMostOneFalseAlarm() throws Exception {
        try (VadProcess demo = VadProcess.start("demo", "--source", "synthetic:?frames=2400", "--realtime", "false",
                "--metrics-port-base", "-1", "--viewer-port", "-1")) {
            assertThat(demo.awaitExit(900)).as("a finite source ends the demo once scored").isZero();
            List<String> out = demo.output();

            assertThat(out).anyMatch(line -> line.startsWith("embedded Kafka broker at 127.0.0.1:"));
            assertThat(out).anyMatch(line -> line.matches("synthetic +frame +\\d+ .* conv3d@1 +score .*"));
            assertThat(out).contains("the source has ended and every window is scored");
            assertThat(out).anyMatch(line -> line.matches(
                    "synthetic: detected 4 of 4 injected anomalies, [0-1] false alarms?"));
            assertThat(out).anyMatch(line -> line.matches(
                    "synthetic: +frames 750-799 odd shape +detected (from its first frame|after [1-8] frames)"));
            assertThat(out).anyMatch(line -> line.matches(
                    "synthetic: +frames 1250-1299 wrong direction +detected (from its first frame|after [1-8] frames)"));
            assertThat(out).anyMatch(line -> line.matches(
                    "synthetic: +frames 1750-1799 fast object +detected (from its first frame|after [1-8] frames)"));
            assertThat(out).anyMatch(line -> line.matches(
                    "synthetic: +frames 2250-2299 global change +detected (from its first frame|after [1-8] frames).*"));
            assertThat(out.stream().filter(l -> l.startsWith("scored ")).findFirst().orElseThrow())
                    .as("future: a window every 4 frames").startsWith("scored 599 windows");
        }
    }
}
