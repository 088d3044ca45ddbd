package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.kafka.KafkaAccess;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.ingest.IngestSettings;
import dev.vad.notifier.NotifierSettings;
import dev.vad.trainer.TrainerSettings;
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
        description = {"Print the least-privilege Kafka ACLs of ingest, trainer and scorer (and of replay, the demo,",
            "eval and vad camera when their principals are given) as kafka-acls.sh command lines, or create them",
            "with --apply through the Admin API, authenticated as an admin by the usual Kafka client settings."})
final class AclsCommand implements Callable<Integer>, Configured {

    private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z][A-Za-z0-9]*:\\S.*");
    private static final Pattern SUFFIX = Pattern.compile("[a-zA-Z0-9._-]{1,100}");

    /** How the plan is printed. */
    enum Format { KAFKA_ACLS, MARKDOWN }

    static final Setting<String> INGEST_PRINCIPAL = principal("ingest-principal", "User:ingest",
            "Ingest's principal");
    static final Setting<String> TRAINER_PRINCIPAL = principal("trainer-principal", "User:trainer",
            "The trainer's principal");
    static final Setting<String> SCORER_PRINCIPAL = principal("scorer-principal", "User:scorer",
            "The scorer's principal");
    static final Setting<String> NOTIFIER_PRINCIPAL = principal("notifier-principal", "User:notifier",
            "vad notify's principal");
    static final Setting<String> REPLAY_PRINCIPAL = principal("replay-principal", null,
            "vad replay's principal: retraining and re-scoring into suffixed topics");
    static final Setting<String> DEMO_PRINCIPAL = principal("demo-principal", null,
            "vad demo's principal when it runs against this cluster");
    static final Setting<String> CAMERA_PRINCIPAL = principal("camera-principal", null,
            "vad camera's principal: manages the camera registry");
    static final Setting<String> EVAL_PRINCIPAL = principal("eval-principal", null,
            "vad eval --via-kafka's principal: topics named vad-eval-*");
    static final Setting<String> INGEST_GROUP_ID = groupId("ingest-group-id", IngestSettings.GROUP_ID
            .defaultValue(), "Ingest's --group-id");
    static final Setting<String> TRAINER_GROUP_ID = groupId("trainer-group-id", TrainerSettings.GROUP_ID
            .defaultValue(), "The trainer's --group-id");
    static final Setting<String> SCORER_GROUP_ID = groupId("scorer-group-id", "vad-scorer",
            "The scorer's --group-id");
    static final Setting<String> NOTIFIER_GROUP_ID = groupId("notifier-group-id", NotifierSettings.GROUP_ID
            .defaultValue(), "The notifier's --group-id");
    static final Setting<String> OUTPUT_SUFFIX = Setting.text("output-suffix", "SUFFIX", ".rescore",
            "vad replay --rescore's --output-suffix").accepts("1 to 100 of a-z A-Z 0-9 . _ -");
    static final Setting<Boolean> CREATE_TOPICS = Setting.bool("create-topics", true, "Allow each part to create"
            + " the topics it uses when they are missing, as the services do by default")
            .defaultText("true; false: create them beforehand as an admin");
    static final Setting<Format> FORMAT = Setting.choice("format", Format.class, Format.KAFKA_ACLS,
            "Print kafka-acls.sh command lines or a Markdown table");

    /** Whose ACLs are planned, on which groups, and how the plan is printed. */
    static final SettingGroup SETTINGS = SettingGroup.of("acls", INGEST_PRINCIPAL, TRAINER_PRINCIPAL,
            SCORER_PRINCIPAL, NOTIFIER_PRINCIPAL, REPLAY_PRINCIPAL, DEMO_PRINCIPAL, EVAL_PRINCIPAL, CAMERA_PRINCIPAL,
            INGEST_GROUP_ID, TRAINER_GROUP_ID, SCORER_GROUP_ID, NOTIFIER_GROUP_ID, OUTPUT_SUFFIX, CREATE_TOPICS,
            FORMAT);

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(SETTINGS, KafkaSettings.SETTINGS, TopicNames.SETTINGS);
    }

    @Option(names = "--apply", description = "Create the ACLs through the Admin API instead of printing them.")
    boolean apply;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        AclPlan plan = plan(config);
        Format chosen = FORMAT.from(config);
        KafkaSettings settings = KafkaSettings.load(config, kafka.properties, apply);
        config.validate();

        PrintWriter out = spec.commandLine().getOut();
        if (apply) {
            apply(settings, plan.bindings(), out);
        } else if (chosen == Format.MARKDOWN) {
            plan.markdownTable().forEach(out::println);
        } else {
            plan.commandLines(settings.bootstrapServers() == null ? "HOST:PORT" : settings.bootstrapServers(),
                    KafkaSettings.CLIENT_CONFIG.from(config, "admin.properties")).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** Each part whose principal is given (ingest, trainer and scorer have defaults), on the topics named. */
    private static AclPlan plan(ConfigReader config) {
        TopicNames names = TopicNames.load(config);
        String ingestGroupId = groupId(config, INGEST_GROUP_ID);
        String trainerGroupId = groupId(config, TRAINER_GROUP_ID);
        String scorerGroupId = groupId(config, SCORER_GROUP_ID);
        String notifierGroupId = groupId(config, NOTIFIER_GROUP_ID);
        String suffix = OUTPUT_SUFFIX.from(config);
        if (!SUFFIX.matcher(suffix).matches()) {
            config.problem(OUTPUT_SUFFIX.key(), config.found(OUTPUT_SUFFIX.key()), OUTPUT_SUFFIX.accepts());
        }
        boolean create = CREATE_TOPICS.from(config);
        List<AclPlan.Part> parts = new ArrayList<>();
        part(config, parts, INGEST_PRINCIPAL, () -> KafkaAccess.ingest(names, ingestGroupId));
        part(config, parts, TRAINER_PRINCIPAL, () -> KafkaAccess.trainer(names, trainerGroupId));
        part(config, parts, SCORER_PRINCIPAL, () -> KafkaAccess.scorer(names, names, scorerGroupId));
        part(config, parts, NOTIFIER_PRINCIPAL, () -> KafkaAccess.notifier(names, notifierGroupId));
        part(config, parts, REPLAY_PRINCIPAL, () -> KafkaAccess.replay(names, suffix));
        part(config, parts, DEMO_PRINCIPAL, () -> KafkaAccess.demo(names, trainerGroupId, scorerGroupId));
        part(config, parts, EVAL_PRINCIPAL, KafkaAccess::evaluation);
        part(config, parts, CAMERA_PRINCIPAL, () -> KafkaAccess.camera(names));
        return new AclPlan(parts.stream().map(p -> create ? new AclPlan.Part(p.access().withTopicCreation(),
                p.principal()) : p).toList());
    }

    private static void part(ConfigReader config, List<AclPlan.Part> parts, Setting<String> setting,
                             Supplier<KafkaAccess> access) {
        String principal = setting.from(config);
        if (principal == null) {
            return;
        }
        if (!PRINCIPAL.matcher(principal).matches()) {
            config.problem(setting.key(), config.found(setting.key()), setting.accepts());
            return;
        }
        parts.add(new AclPlan.Part(access.get(), principal));
    }

    private static String groupId(ConfigReader config, Setting<String> setting) {
        String value = setting.from(config);
        if (value.isEmpty()) {
            config.problem(setting.key(), config.found(setting.key()), setting.accepts());
            return setting.defaultValue();
        }
        return value;
    }

    private static Setting<String> principal(String key, String defaultPrincipal, String description) {
        Setting<String> setting = Setting.text(key, "TYPE:NAME", defaultPrincipal, description)
                .accepts("a Kafka principal TYPE:NAME, e.g. User:ingest");
        return defaultPrincipal == null ? setting.defaultText("none") : setting;
    }

    private static Setting<String> groupId(String key, String defaultGroup, String description) {
        return Setting.text(key, "ID", defaultGroup, description).accepts("a consumer group id");
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
