package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stopped and started again on the same log directory and port while ingest, a continual trainer and a
 * scorer run as separate processes: they reconnect on their own and nothing is lost. Always the embedded broker,
 * whose restart this test controls.
 */
class BrokerRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final int FRAMES = 750;
    private static final String CONSUMED = "vad_trainer_windows_consumed_total";

    @TempDir
    Path logDir;

    private EmbeddedKafkaBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyWindowIngestedAcrossABrokerRestartIsScoredOnceConsumedAndCommitted() throws Exception {
        broker = EmbeddedKafkaBroker.start(new BrokerOptions("127.0.0.1", 0, 0, logDir));
        BrokerOptions options = broker.options();
        ProcessPipeline pipeline = new ProcessPipeline(() -> options.host() + ":" + options.port(), "restart");
        pipeline.ingest("seed", 160);
        pipeline.trainFirstModel();
        long committedBefore = total(pipeline.committed("trainer", "frames"));

        try (VadProcess scorer = pipeline.start(pipeline.scoreCommand());
             VadProcess trainer = pipeline.start("train", "--model", "conv2d", "--publish-every-steps", "20",
                     "--batch-windows", "4", "--metrics-port", "0", "--group-id", pipeline.group("trainer"));
             VadProcess ingest = pipeline.start(pipeline.ingestCommand(FRAMES, true, List.of("cam")))) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> pipeline.scored().stream().filter(k -> k.startsWith("cam#")).count() >= 20);

            broker.close();
            Thread.sleep(OUTAGE.toMillis());
            broker = EmbeddedKafkaBroker.start(options);

            assertThat(ingest.awaitExit(180)).as("ingest finishes the stream\n" + ingest.output()).isZero();
            Set<String> produced = pipeline.produced();
            await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.scored().containsAll(produced));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> pipeline.committed("scorer", "frames").equals(pipeline.endOffsets("frames")));
            long toRead = total(pipeline.endOffsets("frames")) - committedBefore;
            await().atMost(Duration.ofSeconds(60)).until(() -> trainer.metric(CONSUMED) >= toRead);
            assertThat(scorer.terminate(60)).as("the scorer ran on through the outage\n" + scorer.output())
                    .isEqualTo(143);
            assertThat(trainer.terminate(60)).as("the trainer ran on through the outage\n" + trainer.output())
                    .isEqualTo(143);
        }
        assertThat(pipeline.committed("trainer", "frames"))
                .as("a continual trainer commits what it read when it publishes and when it stops")
                .isEqualTo(pipeline.endOffsets("frames"));

        List<Long> cam = pipeline.sequences("cam");
        assertThat(cam).as("every window of the stream reached the topic once, in order")
                .containsExactlyElementsOf(LongStream.range(0, FRAMES / 4).boxed().toList());
        assertThat(pipeline.scored()).as("every window produced was scored").containsAll(pipeline.produced());
    }

    private static long total(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
