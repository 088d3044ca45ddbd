package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code vad broker} as a user runs it: a separate process that plain Kafka clients can use. */
class BrokerCommandIT {

    @Test
    void startsABrokerWithThePipelineTopicsThatKafkaClientsCanUseAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Process broker = new ProcessBuilder(javaBinary(), "-jar", Path.of("target", "vad.jar").toString(),
                "broker", "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (java.io.IOException e) {
                // the stream closes when the process is destroyed: nothing more to read
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    output.stream().anyMatch(line -> line.startsWith("Kafka broker ready at 127.0.0.1:" + port)));
            String servers = "127.0.0.1:" + port;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains("vad.frames", "vad.models", "vad.scores", "vad.reconstructions",
                        "vad.events", "vad.dlq");
            }
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                RecordMetadata written = producer.send(new ProducerRecord<>("vad.events", "k", "v"))
                        .get(30, TimeUnit.SECONDS);
                assertThat(written.offset()).isZero();
            }
        } finally {
            broker.destroy();
        }
        assertThat(broker.waitFor(60, TimeUnit.SECONDS)).as("broker exits on SIGTERM").isTrue();
        reader.join(5_000);
        assertThat(output).noneMatch(line -> line.contains("Exception"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
