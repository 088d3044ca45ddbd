package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad acls}: the least-privilege Kafka ACLs of each service, printed or created. */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = {"Print the least-privilege Kafka ACLs of ingest, trainer and scorer (and of replay, the demo",
            "and eval when their principals are given) as kafka-acls.sh command lines, or create them with",
            "--apply through the Admin API, authenticated as an admin by the usual Kafka client settings."})
final class AclsCommand implements Callable<Integer>, Configured {

    private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z][A-Za-z0-9]*:\\S.*");
    private static final Pattern SUFFIX = Pattern.compile("[a-zA-Z0-9._-]{1,100}");

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(KafkaSettings.SETTINGS, TopicNames.SETTINGS);
    }

    @Option(names = "--ingest-principal", paramLabel = "TYPE:NAME", description = "Ingest's principal (default User:ingest).")
    String ingestPrincipal;

    @Option(names = "--trainer-principal", paramLabel = "TYPE:NAME",
            description = "The trainer's principal (default User:trainer).")
    String trainerPrincipal;

    @Option(names = "--scorer-principal", paramLabel = "TYPE:NAME",
            description = "The scorer's principal (default User:scorer).")
    String scorerPrincipal;

    @Option(names = "--notifier-principal", paramLabel = "TYPE:NAME",
            description = "vad notify's principal (default User:notifier).")
    String notifierPrincipal;

    @Option(names = "--notifier-group-id", paramLabel = "ID", description = "The notifier's --group-id (default vad-notifier).")
    String notifierGroup;

    @Option(names = "--replay-principal", paramLabel = "TYPE:NAME",
            description = "vad replay's principal: retraining and re-scoring into suffixed topics (default none).")
    String replayPrincipal;

    @Option(names = "--demo-principal", paramLabel = "TYPE:NAME",
            description = "vad demo's principal when it runs against this cluster (default none).")
    String demoPrincipal;

    @Option(names = "--eval-principal", paramLabel = "TYPE:NAME",
            description = "vad eval --pipeline's principal: topics named vad-eval-* (default none).")
    String evalPrincipal;

    @Option(names = "--trainer-group-id", paramLabel = "ID", description = "The trainer's --group-id (default vad-trainer).")
    String trainerGroup;

    @Option(names = "--scorer-group-id", paramLabel = "ID", description = "The scorer's --group-id (default vad-scorer).")
    String scorerGroup;

    @Option(names = "--output-suffix", paramLabel = "SUFFIX",
            description = "vad replay --rescore's --output-suffix (default .rescore).")
    String outputSuffix;

    @Option(names = "--create-topics", paramLabel = "BOOL",
            description = "Allow each part to create the topics it uses when they are missing, as the services do by"
                    + " default (default true; false: create them beforehand as an admin).")
    String createTopics;

    @Option(names = "--format", paramLabel = "kafka-acls|markdown",
            description = "Print kafka-acls.sh command lines or a Markdown table (default kafka-acls).")
    String format;

    @Option(names = "--apply", description = "Create the ACLs through the Admin API instead of printing them.")
    boolean apply;

    @Mixin
    KafkaOptions kafka;


    /** How the plan is printed. */
    enum Format { KAFKA_ACLS, MARKDOWN }

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        AclPlan plan = plan(config);
        Format chosen = config.choice("format", Format.class, Format.KAFKA_ACLS);
        KafkaSettings settings = KafkaSettings.load(config, kafka.properties, apply);
        config.validate();

        PrintWriter out = spec.commandLine().getOut();
        if (apply) {
            apply(settings, plan.bindings(), out);
        } else if (chosen == Format.MARKDOWN) {
            plan.markdownTable().forEach(out::println);
        } else {
            plan.commandLines(settings.bootstrapServers() == null ? "HOST:PORT" : settings.bootstrapServers(),
                    config.string("client-config", "admin.properties")).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** Each part whose principal is given (ingest, trainer and scorer have defaults), on the topics named. */
    private static AclPlan plan(ConfigReader config) {
        TopicNames names = TopicNames.load(config);
        String trainerGroupId = groupId(config, "trainer-group-id", "vad-trainer");
        String scorerGroupId = groupId(config, "scorer-group-id", "vad-scorer");
        String notifierGroupId = groupId(config, "notifier-group-id", "vad-notifier");
        String suffix = config.string("output-suffix", ".rescore");
        if (!SUFFIX.matcher(suffix).matches()) {
            config.problem("output-suffix", config.found("output-suffix"), "1 to 100 of a-z A-Z 0-9 . _ -");
        }
        boolean create = config.bool("create-topics", true);
        List<AclPlan.Part> parts = new ArrayList<>();
        part(config, parts, "ingest-principal", "User:ingest", () -> KafkaAccess.ingest(names));
        part(config, parts, "trainer-principal", "User:trainer", () -> KafkaAccess.trainer(names, trainerGroupId));
        part(config, parts, "scorer-principal", "User:scorer", () -> KafkaAccess.scorer(names, names, scorerGroupId));
        part(config, parts, "notifier-principal", "User:notifier",
                () -> KafkaAccess.notifier(names, notifierGroupId));
        part(config, parts, "replay-principal", null, () -> KafkaAccess.replay(names, suffix));
        part(config, parts, "demo-principal", null, () -> KafkaAccess.demo(names, trainerGroupId, scorerGroupId));
        part(config, parts, "eval-principal", null, KafkaAccess::evaluation);
        return new AclPlan(parts.stream().map(p -> create ? new AclPlan.Part(p.access().withTopicCreation(),
                p.principal()) : p).toList());
    }

    private static void part(ConfigReader config, List<AclPlan.Part> parts, String key, String defaultPrincipal,
                             Supplier<KafkaAccess> access) {
        String principal = config.string(key, defaultPrincipal);
        if (principal == null) {
            return;
        }
        if (!PRINCIPAL.matcher(principal).matches()) {
            config.problem(key, config.found(key), "a Kafka principal TYPE:NAME, e.g. User:ingest");
            return;
        }
        parts.add(new AclPlan.Part(access.get(), principal));
    }

    private static String groupId(ConfigReader config, String key, String defaultValue) {
        String value = config.string(key, defaultValue);
        if (value.isEmpty()) {
            config.problem(key, config.found(key), "a consumer group id");
            return defaultValue;
        }
        return value;
    }

    private static void apply(KafkaSettings settings, List<AclBinding> bindings, PrintWriter out)
            throws InterruptedException {
        try (KafkaClients clients = new KafkaClients(settings, new SimpleMeterRegistry(), 1 << 20);
             Admin admin = clients.admin("vad-acls")) {
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the ACLs at " + settings.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the ACLs: " + settings.bootstrapServers()
                    + " did not answer within 60 s", e);
        }
        bindings.forEach(b -> out.println(AclPlan.describe(b)));
        out.println(bindings.size() + " ACLs in place at " + settings.bootstrapServers());
    }
}
