package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineDroppingStreamTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(new LineDroppingStream(sink, "Added differentiated op "), true,
            StandardCharsets.UTF_8);

    @Test
    void linesWithThePrefixAreDroppedAndTheRestPassInOrder() {
        out.println("embedded Kafka broker at 127.0.0.1:9092");
        out.println("Added differentiated op conv3dnew_1");
        out.println("Added differentiated op relu");
        out.println("synthetic  frame 40  conv3d@1  score 0.01");

        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("embedded Kafka broker at 127.0.0.1:9092\nsynthetic  frame 40  conv3d@1  score 0.01\n");
    }

    @Test
    void aFlushedPartialLineIsWrittenUnlessItMayStillBecomeADroppedLine() {
        out.print("train conv3d step 12/300 [#...]\r");
        out.print("progress ");
        out.flush();
        String passed = sink.toString(StandardCharsets.UTF_8);
        out.print("Added diff");
        out.flush();

        assertThat(passed).isEqualTo("train conv3d step 12/300 [#...]\rprogress ");
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(passed);
        out.println("erentiated op add");
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(passed);
    }
}
