package dev.vad.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM, on loopback.
 *
 * <p>Restartable: closing keeps a log directory that was given in the options, so a broker started again on the
 * same directory and ports has the same topics, records and committed offsets.
 *
 * <p>Plaintext by default: one {@code PLAINTEXT} listener for clients and the broker itself, everything allowed.
 * With {@link BrokerSecurity} in the options it is secured the way a production cluster is:
 * <ul>
 *   <li>the client listener is {@code SASL_SSL} with {@code SCRAM-SHA-512}; its users' credentials are written into
 *       the metadata log when the directory is formatted (the KRaft way: no broker has to run to create them);</li>
 *   <li>the {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}: a user may do only what an
 *       ACL allows; the admin is the one super user;</li>
 *   <li>inter-broker traffic uses the same {@code SASL_SSL} listener, authenticated as the admin with SCRAM (a
 *       single node never opens such a connection, but the settings are those a second broker would need);</li>
 *   <li>the controller listener stays on the broker's host (loopback by default) as {@code SASL_PLAINTEXT} with the
 *       {@code PLAIN} mechanism, whose only user is the admin: SCRAM cannot authenticate controller connections
 *       (its credentials live in the metadata log the controller serves), and without authentication any local
 *       process reaching that port would act as {@code User:ANONYMOUS}, which the broker's own requests would
 *       need as a super user.</li>
 * </ul>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerOptions options;
    private final Path logDir;
    private final boolean ownsLogDir;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(BrokerOptions options, Path logDir, boolean ownsLogDir, KafkaRaftServer server) {
        this.options = options;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.server = server;
    }

    /** Formats the log directory if it is new, starts the broker and waits until it answers clients. */
    public static EmbeddedKafkaBroker start(BrokerOptions requested) {
        boolean owns = requested.logDir() == null;
        Path dir = owns ? createTempDir() : requested.logDir();
        BrokerOptions options = new BrokerOptions(requested.host(),
                requested.port() == 0 ? freePort() : requested.port(),
                requested.controllerPort() == 0 ? freePort() : requested.controllerPort(), dir, requested.security());
        format(options);
        Properties props = properties(options);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(options, dir, owns, server);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("embedded Kafka broker ready on {} (log dir {})", broker.bootstrapServers(), dir);
        return broker;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return options.host() + ":" + options.port();
    }

    /** The options this broker runs with, ports and log directory resolved: start another with them to restart. */
    public BrokerOptions options() {
        return options;
    }

    /** The client settings of the admin (the super user) when secured; none for a plaintext broker. */
    public Map<String, String> adminProperties() {
        BrokerSecurity security = options.security();
        return security == null ? Map.of() : security.clientProperties(security.admin());
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (ownsLogDir) {
            deleteRecursively(logDir);
        }
        LOG.info("embedded Kafka broker on {} stopped", bootstrapServers());
    }

    private void awaitReady() {
        Map<String, Object> config = new HashMap<>(adminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker on " + bootstrapServers()
                    + " did not answer within " + READY_TIMEOUT + ": " + e.getMessage(), e);
        }
    }

    private static void format(BrokerOptions options) {
        if (Files.exists(options.logDir().resolve("meta.properties"))) {
            return;
        }
        try {
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(options.logDir().toString())
                    .setMetadataLogDirectory(options.logDir().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
            if (options.security() != null) {
                formatter.setScramArguments(options.security().scramArguments());
            }
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + options.logDir() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Properties properties(BrokerOptions o) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + o.host() + ":" + o.controllerPort());
        p.put("listeners", "PLAINTEXT://" + o.host() + ":" + o.port() + "," + CONTROLLER + "://" + o.host() + ":"
                + o.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + o.host() + ":" + o.port());
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("log.dirs", o.logDir().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("message.max.bytes", Integer.toString(64 << 20));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 << 20));
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        if (o.security() != null) {
            p.putAll(o.security().brokerProperties(CONTROLLER, o.host(), o.port(), o.controllerPort()));
        }
        return p;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("vad-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka log directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete Kafka log directory {}: {}", dir, e.getMessage());
        }
    }
}
