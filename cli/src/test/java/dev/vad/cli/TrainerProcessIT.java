package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.store.ModelDirectory;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelArtifactCodec;
import dev.vad.ingest.IngestService;
import dev.vad.ingest.IngestSettings;
import dev.vad.model.fit.WindowModels;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vad train} as a separate process: killed with SIGKILL mid-run, restarted, stopped with SIGTERM. */
@ExtendWith(RealKafka.class)
class TrainerProcessIT {

    private final String prefix = UniqueNames.of("proc");

    @TempDir
    Path dir;

    @Test
    void aKilledTrainerRestartsWithoutDuplicateVersionsOrCorruptArtifacts(KafkaBackend kafka) throws Exception {
        ingest(kafka, 240);
        List<String> args = List.of("train", "--bootstrap-servers", kafka.bootstrapServers(), "--model", "conv2d",
                "--publish-every-steps", "4", "--min-improvement", "0", "--batch-windows", "4", "--metrics-port", "0",
                "--model-dir", dir.toString(), "--topic-frames", prefix + ".frames", "--topic-models",
                prefix + ".models", "--topic-dlq", prefix + ".dlq", "--topic-scores", prefix + ".scores",
                "--topic-events", prefix + ".events", "--topic-reconstructions", prefix + ".reconstructions");

        try (VadProcess first = VadProcess.start(args.toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> versions(kafka).size() >= 2);
            first.kill();
        }
        int beforeRestart = versions(kafka).size();
        ingest(kafka, 240);
        try (VadProcess second = VadProcess.start(args.toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> versions(kafka).size() > beforeRestart);
            assertThat(second.terminate(60)).as("stops on SIGTERM with the signal's exit code").isEqualTo(143);
            assertThat(second.output()).anyMatch(line -> line.startsWith("conv2d: published versions"));
            assertThat(second.output()).noneMatch(line -> line.contains("Exception"));
        }

        List<Long> versions = versions(kafka);
        assertThat(versions).as("no version published twice").doesNotHaveDuplicates().isSorted()
                .first().isEqualTo(1L);
        ModelDirectory directory = new ModelDirectory(dir);
        List<Long> inDirectory = directory.versions("conv2d");
        assertThat(inDirectory).as("every published version also in the directory").containsAll(versions);
        List<Long> neverSent = new ArrayList<>(inDirectory);
        neverSent.removeAll(versions);
        // the kill may land between a version's file and its record: the restart numbers on past that file
        assertThat(neverSent).as("versions written but never sent: at most the one the kill interrupted")
                .allMatch(v -> v == beforeRestart + 1);
        for (long v = 1; v <= versions.get(versions.size() - 1); v++) {
            assertThat(versions.contains(v) || neverSent.contains(v)).as("version %d skipped", v).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(ModelDirectory.SUFFIX)).count())
                    .isEqualTo(inDirectory.size());
        }
        for (long version : inDirectory) {
            ModelArtifact artifact = directory.read("conv2d", version).orElseThrow();
            assertThat(WindowModels.fromArtifact(artifact).view().dimensions()).isEqualTo(2);
        }
    }

    private List<Long> versions(KafkaBackend kafka) {
        ModelArtifactCodec codec = new ModelArtifactCodec();
        List<Long> out = new ArrayList<>();
        TopicContents.read(kafka.bootstrapServers(), prefix + ".models")
                .forEach(r -> out.add(codec.decode(r.value()).header().version()));
        return out;
    }

    private void ingest(KafkaBackend kafka, int frames) throws Exception {
        Map<String, String> flags = new HashMap<>(Map.of("bootstrap-servers", kafka.bootstrapServers(),
                "width", "32", "height", "32", "window-frames", "4", "tail", "drop", "topic-partitions", "2",
                "topic-frames", prefix + ".frames", "topic-models", prefix + ".models", "topic-dlq", prefix + ".dlq"));
        flags.putAll(Map.of("topic-scores", prefix + ".scores", "topic-events", prefix + ".events",
                "topic-reconstructions", prefix + ".reconstructions"));
        ConfigReader config = new ConfigReader(flags, Map.of());
        IngestSettings settings = IngestSettings.load(config, List.of("synthetic:?frames=" + frames), List.of(),
                List.of(), true);
        config.validate();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (KafkaClients clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()), registry,
                16 << 20);
             IngestService service = IngestService.start(settings, clients, registry, Clock.systemUTC(), executor,
                     1)) {
            assertThat(service.awaitCompletion()).allSatisfy(r -> assertThat(r.failed()).isFalse());
        } finally {
            executor.shutdownNow();
        }
    }
}
