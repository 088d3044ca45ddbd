package dev.vad.bench;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code vad bench kafka}: frame windows published through the pipeline's producer (encoding included) against
 * Kafka's own {@code ProducerPerformance} sending records of the same size with the same producer settings, both
 * to the same broker in one run.
 */
public final class KafkaBenchmark {

    private static final Pattern SUMMARY = Pattern.compile("([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");
    private static final Map<String, String> PRODUCER = Map.of("acks", "all", "enable.idempotence", "true",
            "compression.type", "none", "linger.ms", "5", "batch.size", "262144", "max.request.size", "16777216");

    private final int records;
    private final String bootstrapServers;
    private final PrintWriter out;

    public KafkaBenchmark(int records, String bootstrapServers, PrintWriter out) {
        this.records = records;
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public int run() throws IOException, InterruptedException {
        try (BenchBroker broker = new BenchBroker(bootstrapServers)) {
            String servers = broker.bootstrapServers();
            FrameWindow window = window(new SplittableRandom(1));
            int size = new FrameWindowCodec().encode(window).length;
            out.println("bench=kafka records=" + records + " record_bytes=" + size + " window=8x64x64 grey"
                    + " producer=acks=all,idempotent,compression=none,linger=5ms broker="
                    + broker.shown());
            double vad = vad(servers, window);
            double peer = producerPerformance(servers, size);
            out.printf("vad_records_per_s=%.1f%nvad_mb_per_s=%.1f%nproducer_perf_records_per_s=%.1f%nratio=%.2f%n",
                    vad, vad * size / 1e6, peer, vad / peer);
            return 0;
        } finally {
            out.flush();
        }
    }

    /** Records per second of the pipeline's producer, after a warm-up of a tenth of the records. */
    private double vad(String servers, FrameWindow template) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaClients clients = new KafkaClients(new KafkaSettings(servers, PRODUCER), registry, 16 << 20)) {
            String topic = topic(clients, "vad.bench.kafka");
            try (Producer<String, FrameWindow> producer = clients.producer("vad-bench", new StringSerializer(),
                    new WireSerdes(WireLimits.DEFAULT).frameWindowSerializer())) {
                send(producer, topic, template, Math.max(1, records / 10));
                long start = System.nanoTime();
                send(producer, topic, template, records);
                return records / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void send(Producer<String, FrameWindow> producer, String topic, FrameWindow template, int count) {
        for (int i = 0; i < count; i++) {
            FrameWindow w = new FrameWindow(template.streamId(), i, template.frameIndices(),
                    template.captureTimesMicros(), template.timestampKind(), 0, false, template.width(),
                    template.height(), template.pixelFormat(), template.pixels());
            producer.send(new ProducerRecord<>(topic, w.streamId(), w));
        }
        producer.flush();
    }

    /** Steady-state records per second of Kafka's ProducerPerformance in its own JVM. */
    private double producerPerformance(String servers, int size) throws IOException, InterruptedException {
        String topic;
        try (KafkaClients clients = new KafkaClients(new KafkaSettings(servers, Map.of()), new SimpleMeterRegistry(),
                16 << 20)) {
            topic = topic(clients, "vad.bench.kafka-peer");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records + records / 10), "--warmup-records",
                Integer.toString(Math.max(1, records / 10)), "--record-size", Integer.toString(size), "--throughput",
                "-1", "--producer-props", "bootstrap.servers=" + servers));
        PRODUCER.forEach((name, value) -> command.add(name + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double rate = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher m = SUMMARY.matcher(line);
                if (line.contains("records sent") && m.find()) {
                    rate = Double.parseDouble(m.group(1));
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || rate == 0) {
            throw new IllegalStateException("ProducerPerformance did not report a rate: " + String.join(" ", command));
        }
        return rate;
    }

    private static String topic(KafkaClients clients, String prefix) {
        String name = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = clients.admin("vad-bench-admin")) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(new TopicSpec(name, 1, (short) 1,
                    Map.of("max.message.bytes", Integer.toString(16 << 20)))), true);
        }
        return name;
    }

    private static FrameWindow window(SplittableRandom random) {
        byte[] pixels = new byte[8 * 64 * 64];
        random.nextBytes(pixels);
        long[] indices = {0, 1, 2, 3, 4, 5, 6, 7};
        return new FrameWindow("bench", 0, indices, indices.clone(), TimestampKind.STREAM_TIME, 0, false, 64, 64,
                PixelFormat.GRAY8, pixels);
    }
}
