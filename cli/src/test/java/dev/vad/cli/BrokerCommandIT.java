package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
        int port = FreePorts.one();
        VadProcess broker = VadProcess.start("broker", "--port", Integer.toString(port));
        try {
            String ready = "Kafka broker ready at 127.0.0.1:" + port;
            await().atMost(Duration.ofSeconds(150)).until(() -> broker.printed(ready) || !broker.isAlive());
            assertThat(broker.printed(ready)).as("the broker started\n" + String.join("\n", broker.output()))
                    .isTrue();
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
            assertThat(broker.terminate(60)).as("broker exits on SIGTERM").isNotEqualTo(-1);
        } finally {
            broker.close();
        }
        assertThat(broker.output()).noneMatch(line -> line.contains("Exception"));
    }
}
