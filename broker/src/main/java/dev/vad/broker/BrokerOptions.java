package dev.vad.broker;

import java.nio.file.Path;

/**
 * Where an embedded broker listens and keeps its log, and whether it is secured.
 *
 * @param host           address of both listeners (loopback by default)
 * @param port           client port; 0 picks a free one
 * @param controllerPort KRaft controller port; 0 picks a free one
 * @param logDir         log directory; null makes a temporary one that is deleted on close
 * @param security       SASL_SSL with SCRAM users and ACLs; null for a plaintext broker that allows everything
 */
public record BrokerOptions(String host, int port, int controllerPort, Path logDir, BrokerSecurity security) {

    /** Loopback, free ports, a temporary log directory, plaintext. */
    public static BrokerOptions ephemeral() {
        return new BrokerOptions("127.0.0.1", 0, 0, null, null);
    }

    public BrokerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker host must not be empty");
        }
        if (port < 0 || port > 65_535 || controllerPort < 0 || controllerPort > 65_535) {
            throw new IllegalArgumentException("broker ports must be 0..65535, found " + port + " and "
                    + controllerPort);
        }
    }

    /** A plaintext broker. */
    public BrokerOptions(String host, int port, int controllerPort, Path logDir) {
        this(host, port, controllerPort, logDir, null);
    }

    public BrokerOptions withPort(int newPort) {
        return new BrokerOptions(host, newPort, controllerPort, logDir, security);
    }

    public BrokerOptions withLogDir(Path dir) {
        return new BrokerOptions(host, port, controllerPort, dir, security);
    }

    /** The same broker, secured as {@code newSecurity} says (null: plaintext). */
    public BrokerOptions withSecurity(BrokerSecurity newSecurity) {
        return new BrokerOptions(host, port, controllerPort, logDir, newSecurity);
    }
}
