package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.BrokerSecurity;
import dev.vad.broker.EmbeddedKafkaBroker;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.testkit.SelfSignedKeystore;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline against a broker that authenticates and authorizes, as a production cluster does (issue 29): the
 * embedded broker in its secured mode (SASL_SSL, SCRAM-SHA-512, no ACL means no access), a user per service, exactly
 * the ACLs {@code vad acls --apply} creates, and ingest, trainer and scorer as processes, each with its own
 * credentials in a client config file. Scores must flow; ingest's user must not read scores nor write models; a
 * wrong password or a truststore without the broker's certificate must end a service at once with exit code 1 and
 * one line that says why, with no password anywhere in what it printed.
 */
class SecureKafkaIT {

    private static final Logger LOG = LoggerFactory.getLogger(SecureKafkaIT.class);
    private static final List<String> USERS = List.of("admin", "ingest", "trainer", "scorer");
    private static final int FRAMES = 160;
    /** Windows of 4 frames, the tail dropped. */
    private static final int WINDOWS = FRAMES / 4;

    @TempDir
    Path dir;

    @Test
    void servicesRunAsTheirOwnUsersWithOnlyTheAclsOfVadAclsAndBadCredentialsEndThemAtOnce() throws Exception {
        SelfSignedKeystore keystore = SelfSignedKeystore.create(Files.createDirectory(dir.resolve("broker")),
                secret());
        String truststorePassword = secret();
        Path truststore = keystore.writeTruststore(dir.resolve("trust.p12"), truststorePassword);
        Map<String, String> passwords = new HashMap<>();
        USERS.forEach(user -> passwords.put(user, secret()));
        BrokerSecurity security = new BrokerSecurity("admin", passwords, keystore.file(), keystore.password(),
                truststore, truststorePassword);
        List<String> printed = new ArrayList<>();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral().withSecurity(security))) {
            ProcessPipeline pipeline = new ProcessPipeline(broker::bootstrapServers, "secure",
                    security.clientProperties("admin"));
            Instant started = Instant.now();
            try (VadProcess wrongPassword = pipeline.start(withConfig(ingestCommand(pipeline),
                    clientConfig("wrong-password", withWrongPassword(security, "ingest"))));
                 VadProcess untrusted = pipeline.start(withConfig(pipeline.scoreCommand(),
                         clientConfig("untrusted", withOtherTruststore(security, "scorer"))))) {
                printed.addAll(applyAcls(pipeline, clientConfig("admin", security.clientProperties("admin"))));
                LOG.info("vad acls --apply took {} s", Duration.between(started, Instant.now()).toSeconds());

                assertEndsWithOneLine(wrongPassword, "vad ingest: ", "Kafka did not accept the credentials");
                assertEndsWithOneLine(untrusted, "vad score: ", "no TLS connection to Kafka");
                LOG.info("the refused services ended {} s after they started",
                        Duration.between(started, Instant.now()).toSeconds());
                printed.addAll(wrongPassword.output());
                printed.addAll(untrusted.output());
            }

            started = Instant.now();
            printed.addAll(runPipeline(pipeline, security));
            LOG.info("the pipeline scored every window {} s after it started",
                    Duration.between(started, Instant.now()).toSeconds());

            Map<String, Object> asIngest = new HashMap<>(security.clientProperties("ingest"));
            asIngest.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            assertThatThrownBy(() -> readFirst(asIngest, pipeline.topic("scores")))
                    .as("ingest's user reads the scores").isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> write(asIngest, pipeline.topic("models")))
                    .as("ingest's user writes a model").hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(printed).as("the commands printed what they did").isNotEmpty();
        for (String password : passwords.values()) {
            assertThat(printed).as("no line carries a password").noneMatch(line -> line.contains(password));
        }
    }

    /** Ingest, trainer and scorer at once, each as its own user: every window is scored with the published model. */
    private List<String> runPipeline(ProcessPipeline pipeline, BrokerSecurity security) throws Exception {
        try (VadProcess ingest = pipeline.start(withConfig(ingestCommand(pipeline),
                clientConfig("ingest", security.clientProperties("ingest"))));
             VadProcess trainer = pipeline.start(withConfig(new String[] {"train", "--model", "conv2d", "--mode",
                 "fit-then-freeze", "--train-windows", "20", "--steps", "4", "--batch-windows", "4",
                 "--metrics-port", "-1", "--group-id", pipeline.group("trainer")},
                     clientConfig("trainer", security.clientProperties("trainer"))));
             VadProcess scorer = pipeline.start(withConfig(pipeline.scoreCommand(),
                     clientConfig("scorer", security.clientProperties("scorer"))))) {
            assertThat(ingest.awaitExit(120)).as("ingest\n" + String.join("\n", ingest.output())).isZero();
            assertThat(trainer.awaitExit(120)).as("trainer\n" + String.join("\n", trainer.output())).isZero();
            List<ModelArtifact> models = pipeline.models();
            assertThat(models).as("the trainer published a model").hasSize(1);
            await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.scored().size() == WINDOWS
                    || !scorer.isAlive());
            assertThat(pipeline.scored()).as("scorer\n" + String.join("\n", scorer.output())).hasSize(WINDOWS);
            assertThat(pipeline.scores()).allMatch(s -> s.modelVersion() == models.get(0).header().version());
            assertThat(scorer.terminate(60)).as("scorer\n" + String.join("\n", scorer.output())).isEqualTo(143);
            List<String> printed = new ArrayList<>(ingest.output());
            printed.addAll(trainer.output());
            printed.addAll(scorer.output());
            return printed;
        }
    }

    /** Exit code 1 within a time a retrying service would not keep, and one line (besides its metrics URL). */
    private static void assertEndsWithOneLine(VadProcess process, String command, String why)
            throws InterruptedException {
        assertThat(process.awaitExit(60)).as(String.join("\n", process.output())).isEqualTo(1);
        List<String> lines = process.output().stream().filter(line -> !line.startsWith("metrics at ")).toList();
        assertThat(lines).as("what it printed").singleElement(InstanceOfAssertFactories.STRING)
                .startsWith(command).contains(why);
        LOG.info("printed: {}", lines.get(0));
    }

    private List<String> applyAcls(ProcessPipeline pipeline, Path adminConfig) throws Exception {
        List<String> args = new ArrayList<>(List.of("acls", "--apply", "--bootstrap-servers", pipeline.bootstrap(),
                "--client-config", adminConfig.toString(), "--trainer-group-id", pipeline.group("trainer"),
                "--scorer-group-id", pipeline.group("scorer")));
        for (String kind : List.of("frames", "models", "scores", "reconstructions", "events", "dlq")) {
            args.addAll(List.of("--topic-" + kind, pipeline.topic(kind)));
        }
        List<String> output;
        try (VadProcess acls = VadProcess.start(args.toArray(String[]::new))) {
            assertThat(acls.awaitExit(60)).as(String.join("\n", acls.output())).isZero();
            output = acls.output();
        }
        List<String> allowed = output.stream().filter(line -> line.startsWith("allowed ")).toList();
        assertThat(output).contains(allowed.size() + " ACLs in place at " + pipeline.bootstrap());
        assertThat(acls(pipeline)).as("the broker's ACLs: those printed").hasSize(allowed.size());
        assertThat(Main.run(args.toArray(String[]::new))).as("applied again").isZero();
        assertThat(acls(pipeline)).as("applying again adds nothing").hasSize(allowed.size());
        return output;
    }

    private static Collection<AclBinding> acls(ProcessPipeline pipeline) throws Exception {
        try (Admin admin = pipeline.admin()) {
            return admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> failing(ProcessPipeline pipeline, String[] command) throws Exception {
        try (VadProcess process = pipeline.start(command)) {
            assertThat(process.awaitExit(60)).as(String.join("\n", process.output())).isEqualTo(1);
            return process.output();
        }
    }

    private static void readFirst(Map<String, Object> client, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofSeconds(20));
        }
    }

    private static void write(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, new byte[] {1})).get();
        }
    }

    private Path clientConfig(String name, Map<String, String> properties) throws IOException {
        Properties file = new Properties();
        file.putAll(properties);
        Path path = dir.resolve(name + ".properties");
        try (Writer out = Files.newBufferedWriter(path)) {
            file.store(out, null);
        }
        return path;
    }

    private static String[] ingestCommand(ProcessPipeline pipeline) {
        return pipeline.ingestCommand(FRAMES, false, List.of("cam"));
    }

    private static Map<String, String> withWrongPassword(BrokerSecurity security, String user) {
        Map<String, String> properties = new HashMap<>(security.clientProperties(user));
        properties.put("sasl.jaas.config", properties.get("sasl.jaas.config")
                .replace(security.users().get(user), "not-" + security.users().get(user)));
        return properties;
    }

    /** The user's settings with a truststore that holds another self-signed certificate than the broker's. */
    private Map<String, String> withOtherTruststore(BrokerSecurity security, String user) throws Exception {
        SelfSignedKeystore other = SelfSignedKeystore.create(Files.createDirectory(dir.resolve("other")), secret());
        Map<String, String> properties = new HashMap<>(security.clientProperties(user));
        properties.put("ssl.truststore.location", other.writeTruststore(dir.resolve("other-trust.p12"),
                other.password()).toString());
        properties.put("ssl.truststore.password", other.password());
        return properties;
    }

    private static String[] withConfig(String[] command, Path clientConfig) {
        List<String> out = new ArrayList<>(List.of(command));
        out.addAll(List.of("--client-config", clientConfig.toString()));
        return out.toArray(String[]::new);
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}
