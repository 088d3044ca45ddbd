package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.PartitionedKeys;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code vad ingest --follow-cameras} as processes on a real broker (issue 24): two instances share the registry's
 * cameras; when one is killed (SIGKILL, no goodbye to the group) the other takes its cameras over; a camera added
 * with {@code vad camera add} while they run starts, one removed stops.
 */
@ExtendWith(RealKafka.class)
class CameraFollowingProcessIT {

    private static final int PARTITIONS = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String prefix = UniqueNames.of("follow");
    private final StringWriter err = new StringWriter();

    @Test
    void aKilledInstancesCamerasAreTakenOverAndCamerasAddedOrRemovedWhileRunningStartAndStop(KafkaBackend kafka)
            throws Exception {
        List<String> ids = PartitionedKeys.onePerPartition("cam", PARTITIONS);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(camera(kafka, "add", "--camera-id", ids.get(i), "--source", "synthetic:?seed=" + i + "&fps=20",
                    "--width", "32", "--height", "32", "--window-frames", "4")).as(err.toString()).isZero();
        }
        try (VadProcess first = ingest(kafka); VadProcess second = ingest(kafka)) {
            await().atMost(WAIT).until(() -> running(first).size() + running(second).size() == ids.size()
                    && !running(first).isEmpty() && !running(second).isEmpty());
            assertThat(running(first)).doesNotContainAnyElementsOf(running(second));
            List<String> moved = running(second);

            second.kill();

            await().atMost(WAIT).until(() -> running(first).containsAll(ids));
            int[] before = moved.stream().mapToInt(id -> windows(kafka, id)).toArray();
            await().atMost(WAIT).until(() -> {
                for (int i = 0; i < moved.size(); i++) {
                    if (windows(kafka, moved.get(i)) <= before[i]) {
                        return false;
                    }
                }
                return true;
            });

            assertThat(camera(kafka, "add", "--camera-id", "late", "--source", "synthetic:?seed=9&fps=20",
                    "--width", "32", "--height", "32", "--window-frames", "4")).isZero();
            assertThat(camera(kafka, "remove", "--camera-id", ids.get(0))).isZero();
            await().atMost(WAIT).until(() -> windows(kafka, "late") > 0
                    && first.printed("camera " + ids.get(0) + ": removed"));
            int removed = windows(kafka, ids.get(0));
            int late = windows(kafka, "late");
            await().atMost(WAIT).until(() -> windows(kafka, "late") >= late + 5);
            assertThat(windows(kafka, ids.get(0))).isEqualTo(removed);

            assertThat(first.terminate(60)).isEqualTo(143);
            assertThat(first.output()).noneMatch(line -> line.contains("Exception"));
        }
    }

    private VadProcess ingest(KafkaBackend kafka) throws Exception {
        return VadProcess.start("ingest", "--follow-cameras", "--realtime", "--bootstrap-servers",
                kafka.bootstrapServers(), "--group-id", prefix, "--topic-partitions", Integer.toString(PARTITIONS),
                "--topic-frames", prefix + ".frames", "--topic-cameras", prefix + ".cameras", "--topic-dlq",
                prefix + ".dlq", "--metrics-port", "-1");
    }

    /** The cameras a process runs, by what it said: started and not stopped since. */
    private static List<String> running(VadProcess process) {
        List<String> out = new ArrayList<>();
        for (String line : process.output()) {
            int start = line.indexOf("starting camera ");
            int stop = line.indexOf("stopping its stream");
            if (start >= 0) {
                out.add(line.substring(start + "starting camera ".length()).split(" ")[0]);
            } else if (stop >= 0) {
                out.remove(line.substring(line.indexOf("camera ") + "camera ".length()).split(":")[0]);
            }
        }
        return out;
    }

    private int windows(KafkaBackend kafka, String cameraId) {
        return (int) TopicContents.read(kafka.bootstrapServers(), prefix + ".frames").stream()
                .filter(r -> cameraId.equals(new String(r.key(), StandardCharsets.UTF_8))).count();
    }

    private int camera(KafkaBackend kafka, String... args) {
        List<String> all = new ArrayList<>(List.of("camera"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic-cameras", prefix + ".cameras",
                "--topic-partitions", Integer.toString(PARTITIONS)));
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }
}
