package dev.vad.testkit;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the broker for integration tests from the {@code kafka.backend} system property: {@code docker}
 * (Testcontainers), {@code embedded} (in-process KRaft), or {@code auto} (the default: docker when a Docker
 * engine answers, embedded otherwise). The same tests run on either.
 */
public final class KafkaBackends {

    public static final String PROPERTY = "kafka.backend";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBackends.class);

    private KafkaBackends() {
    }

    public static KafkaBackend start() {
        String choice = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        KafkaBackend backend = switch (choice) {
            case "docker" -> {
                if (!dockerAvailable()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=docker asks for Testcontainers, but no Docker"
                            + " engine answers; start one or use -D" + PROPERTY + "=embedded");
                }
                yield new ContainerBackend();
            }
            case "embedded" -> new EmbeddedBackend();
            case "auto", "" -> dockerAvailable() ? new ContainerBackend() : new EmbeddedBackend();
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + choice
                    + " is not a backend: expected auto, docker or embedded");
        };
        LOG.info("integration tests use a {} Kafka broker at {}", backend.kind(), backend.bootstrapServers());
        return backend;
    }

    /** Asks Testcontainers only when an engine could be there, so a machine without one gets no error spew. */
    private static boolean dockerAvailable() {
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
