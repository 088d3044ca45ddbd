package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.UniqueNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A broker that takes records slower than ingest decodes them (a produce quota): ingest's bounded producer buffer
 * holds decoding back, its memory stays flat, and no window is dropped or skipped.
 */
@ExtendWith(RealKafka.class)
class BackPressureIT {

    private static final int QUOTA_BYTES_PER_SECOND = 200 * 1024;
    private static final int BUFFER_BYTES = 4 << 20;
    private static final int WINDOW_BYTES = 256 * 256 * 4;

    @Test
    void aThrottledBrokerSlowsDecodingWithFlatMemoryAndNoWindowLost(KafkaBackend kafka) throws Exception {
        ProcessPipeline pipeline = new ProcessPipeline(kafka::bootstrapServers, "backpressure");
        String clientId = UniqueNames.of("throttled-ingest");
        throttle(kafka, clientId, QUOTA_BYTES_PER_SECOND);
        String[] command = {"ingest", "--source", "synthetic:?frames=20000", "--stream-id", "cam", "--width", "256",
            "--height", "256", "--window-frames", "4", "--metrics-port", "-1", "--kafka-property",
            "client.id=" + clientId, "--kafka-property", "buffer.memory=" + BUFFER_BYTES, "--kafka-property",
            "compression.type=none"};

        List<Long> rss = new ArrayList<>();
        try (VadProcess ingest = pipeline.start(command)) {
            long pid = ingest.pid();
            for (int second = 0; second < 40; second++) {
                rss.add(rssBytes(pid));
                TimeUnit.SECONDS.sleep(1);
            }
            assertThat(ingest.isAlive()).as("20,000 frames do not fit through the quota in 40 s: ingest still "
                    + "decodes, held back\n" + ingest.output()).isTrue();
            assertThat(ingest.terminate(60)).isEqualTo(143);
        }
        long settled = rss.subList(10, 20).stream().mapToLong(Long::longValue).max().orElseThrow();
        long last = rss.subList(30, 40).stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("ingest RSS under back-pressure: %d MB at 10-20 s, %d MB at 30-40 s%n", settled >> 20,
                last >> 20);
        assertThat(last).as("RSS in the last 10 s against 10-20 s (unbounded, the 20 s between would hold "
                + "hundreds of MB of windows)").isLessThan(settled + (64 << 20));

        List<Long> sequences = pipeline.sequences("cam");
        long allowed = 2 * 45L * QUOTA_BYTES_PER_SECOND / WINDOW_BYTES + BUFFER_BYTES / WINDOW_BYTES + 8;
        assertThat(sequences).as("what passed the quota arrived in order, nothing skipped")
                .isNotEmpty().containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());
        assertThat((long) sequences.size()).as("no more than the quota let through, of 5,000 windows").isLessThanOrEqualTo(allowed);
    }

    private static void throttle(KafkaBackend kafka, String clientId, int bytesPerSecond) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()));
        try (Admin admin = Admin.create(config)) {
            ClientQuotaEntity entity = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity,
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", (double) bytesPerSecond)))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static long rssBytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }
}
