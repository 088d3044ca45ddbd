package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.model.fit.WindowModels;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Processes of the pipeline killed with SIGKILL at bad moments: counts on the topics prove nothing was lost. */
@ExtendWith(RealKafka.class)
class ProcessFaultsIT {

    private static final int ROUNDS = 4;
    private static final String SCORED = "vad_scorer_windows_scored_total";
    private static final String REJECTED = "vad_scorer_models_rejected_total";
    private static final String VERSION = "vad_scorer_model_version";

    @Test
    void whenOneOfTwoScorersIsKilledTheOtherTakesItsPartitionAndEveryWindowIsScored(KafkaBackend kafka)
            throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "failover");
        pipeline.ingest("seed", 160);
        pipeline.trainFirstModel();
        List<String> streams = onBothPartitions();

        try (VadProcess first = pipeline.start(pipeline.scoreCommand());
             VadProcess second = pipeline.start(pipeline.scoreCommand());
             VadProcess ingest = pipeline.start(pipeline.ingestCommand(600, true, streams))) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> first.metric(SCORED) > 0 && second.metric(SCORED) > 0);
            first.kill();

            assertThat(ingest.awaitExit(180)).as("ingest finishes\n" + ingest.output()).isZero();
            await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.scored().containsAll(pipeline.produced()));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> pipeline.committed("scorer", "frames").equals(pipeline.endOffsets("frames")));
            assertThat(second.terminate(60)).isEqualTo(143);
        }
        for (String stream : streams) {
            assertThat(pipeline.sequences(stream)).as("stream %s reached the topic whole", stream)
                    .hasSize(600 / 4).doesNotHaveDuplicates();
        }
        assertThat(pipeline.scored()).containsAll(pipeline.produced());
    }

    @Test
    void aTrainerKilledAroundItsPublishesLeavesOnlyWholeModelsAndTheScorerRejectsNone(KafkaBackend kafka,
                                                                                     @TempDir Path dir)
            throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "publishkill");
        String[] train = {"train", "--model", "conv2d", "--publish-every-steps", "1", "--min-improvement", "0",
            "--batch-windows", "2", "--validation-windows", "4", "--metrics-port", "-1", "--model-dir",
            dir.toString(), "--group-id", pipeline.group("trainer")};
        try (VadProcess scorer = pipeline.start(pipeline.scoreCommand());
             WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            for (int round = 0; round < ROUNDS; round++) {
                pipeline.ingest("cam-" + round, 120);
                drain(watch);
                try (VadProcess trainer = pipeline.start(train)) {
                    awaitModelFileBeingWritten(watch);
                    trainer.kill();
                }
            }
            pipeline.ingest("cam-last", 120);
            try (VadProcess trainer = pipeline.start(train)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> !pipeline.models().isEmpty());
                assertThat(trainer.terminate(60)).isEqualTo(143);
            }
            long newest = pipeline.models().stream().mapToLong(m -> m.header().version()).max().orElseThrow();
            await().atMost(Duration.ofSeconds(60)).until(() -> scorer.metric(VERSION) == newest);
            assertThat(scorer.metric(REJECTED)).as("the scorer found no partial model to reject").isZero();
            assertThat(scorer.terminate(60)).isEqualTo(143);
        }
        List<Long> onTopic = pipeline.models().stream().map(m -> m.header().version()).toList();
        System.out.printf("trainer killed %d times as it began writing a model file: %d file(s) left unfinished,"
                + " %d version(s) in the directory that never reached the topic%n", ROUNDS, unfinishedFiles(dir).size(),
                new ModelDirectory(dir).versions("conv2d").stream().filter(v -> !onTopic.contains(v)).count());

        assertThat(onTopic).as("versions on the topic: each once, ascending").doesNotHaveDuplicates().isSorted();
        ModelDirectory directory = new ModelDirectory(dir);
        List<Long> inDirectory = directory.versions("conv2d");
        assertThat(inDirectory).as("the directory holds every version on the topic").containsAll(onTopic);
        for (long version : inDirectory) {
            ModelArtifact artifact = directory.read("conv2d", version).orElseThrow();
            assertThat(WindowModels.fromArtifact(artifact).view().dimensions()).isEqualTo(2);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("nothing but whole artifacts and unfinished temporary files, which are never read")
                    .allMatch(name -> name.matches("conv2d-v\\d+\\.vadm") || name.matches("\\.writing-.*\\.tmp"));
        }
    }

    private static void drain(WatchService watch) {
        for (WatchKey key = watch.poll(); key != null; key = watch.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Waits for the trainer to create the temporary file of its next model (inotify, so the kill comes at once). */
    private static void awaitModelFileBeingWritten(WatchService watch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            WatchKey key = watch.poll(1, TimeUnit.SECONDS);
            if (key == null) {
                continue;
            }
            boolean writing = key.pollEvents().stream()
                    .anyMatch(e -> e.context().toString().startsWith(".writing-"));
            key.reset();
            if (writing) {
                return;
            }
        }
        throw new AssertionError("the trainer wrote no model within 120 s");
    }

    /** Two stream ids whose windows land on different partitions of a two-partition topic. */
    private static List<String> onBothPartitions() {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < 2; i++) {
            String id = "cam-" + i;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % 2;
            if (partition == out.size()) {
                out.add(id);
            }
        }
        return out;
    }

    private static List<Path> unfinishedFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".writing-")).toList();
        }
    }
}
