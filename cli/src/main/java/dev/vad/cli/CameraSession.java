package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.CameraRegistry;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/** One camera subcommand's connection to the registry: Kafka clients, the topic made sure of, the registry. */
final class CameraSession implements AutoCloseable {

    /** Largest camera record the clients carry: a record with many mask corners is a few kilobytes. */
    private static final int CAMERA_RECORD_BYTES = 1 << 20;

    /** The settings of a camera subcommand's Kafka side. */
    record Settings(KafkaSettings kafka, TopicNames topics, TopicSettings topicSettings, Duration timeout) {

        /** Loads them; problems are recorded in {@code config}. */
        static Settings load(ConfigReader config, Iterable<String> kafkaProperties) {
            return new Settings(KafkaSettings.load(config, kafkaProperties, true), TopicNames.load(config),
                    TopicSettings.load(config), CameraCommand.TIMEOUT.from(config));
        }
    }

    private final KafkaClients clients;
    private final CameraRegistry registry;
    private final Duration timeout;

    private CameraSession(KafkaClients clients, CameraRegistry registry, Duration timeout) {
        this.clients = clients;
        this.registry = registry;
        this.timeout = timeout;
    }

    /** Connects, creating the registry topic when it is missing and topic creation is on. */
    static CameraSession open(Settings settings) {
        KafkaClients clients = new KafkaClients(settings.kafka(), new SimpleMeterRegistry(),
                CAMERA_RECORD_BYTES);
        try (Admin admin = clients.admin("vad-camera-admin")) {
            new TopicProvisioner(admin, settings.timeout()).ensure(TopicSpec.usedBy(
                    KafkaAccess.camera(settings.topics()), settings.topics(), settings.topicSettings()),
                    settings.topicSettings().create());
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
        return new CameraSession(clients, new CameraRegistry(clients, settings.topics().cameras(), "vad-camera"),
                settings.timeout());
    }

    CameraRegistry registry() {
        return registry;
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        registry.close();
        clients.close();
    }
}
