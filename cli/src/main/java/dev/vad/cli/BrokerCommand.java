package dev.vad.cli;

import dev.vad.broker.BrokerOptions;
import dev.vad.broker.EmbeddedKafkaBroker;
import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.Setting;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.config.TopicNames;
import dev.vad.common.config.TopicSettings;
import dev.vad.common.kafka.TopicProvisioner;
import dev.vad.common.kafka.TopicSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vad broker}: a real single-node Kafka broker on this machine, for the services and any other tool. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a local single-node Kafka broker (KRaft, in-process) until Ctrl-C.",
            "Any Kafka client can use it; the pipeline's topics are created at start unless --create-topics=false."})
final class BrokerCommand implements Callable<Integer>, Configured {

    static final Setting<String> HOST = Setting.text("host", "ADDRESS", "127.0.0.1", "Listen address");
    static final Setting<Integer> PORT = Setting.integer("port", 9092, 0, 65_535, "Client port; 0 any free port")
            .label("PORT");
    static final Setting<Integer> CONTROLLER_PORT = Setting.integer("controller-port", 0, 0, 65_535,
            "KRaft controller port; 0 any free port").label("PORT");
    static final Setting<String> LOG_DIR = Setting.text("log-dir", "DIR", null, "Keep the log here across restarts")
            .defaultText("a temporary directory");
    static final Setting<Boolean> CREATE_TOPICS = Setting.bool("create-topics", TopicSettings.CREATE.defaultValue(),
            "Create the pipeline's topics at start");

    /** Where the broker listens and keeps its log, and whether it creates the pipeline's topics. */
    static final SettingGroup SETTINGS = SettingGroup.of("broker", HOST, PORT, CONTROLLER_PORT, LOG_DIR,
            CREATE_TOPICS);

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return List.of(SETTINGS, TopicNames.SETTINGS);
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        String dir = LOG_DIR.from(config);
        BrokerOptions options = new BrokerOptions(HOST.from(config), PORT.from(config), CONTROLLER_PORT.from(config),
                dir == null ? null : Path.of(dir));
        TopicNames names = TopicNames.load(config);
        TopicSettings topicSettings = TopicSettings.load(config, CREATE_TOPICS);
        config.validate();

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "vad-broker-shutdown"));
        List<String> created = topicSettings.create() ? provision(broker, names, topicSettings) : List.of();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Kafka broker ready at " + broker.bootstrapServers() + " (log dir "
                + broker.options().logDir() + "); Ctrl-C stops it.");
        if (!created.isEmpty()) {
            out.println("Created topics: " + String.join(", ", created));
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private static List<String> provision(EmbeddedKafkaBroker broker, TopicNames names, TopicSettings settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            return new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicSpec.pipeline(names, settings), true);
        }
    }
}
