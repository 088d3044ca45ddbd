package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.notifier.MqttSink;
import dev.vad.notifier.NotifierService;
import dev.vad.notifier.NotifierSettings;
import dev.vad.notifier.Sink;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad notify}: deliver anomaly events to a webhook and/or an MQTT broker. */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Deliver every anomaly event (start, update, end) to a webhook (signed HTTP POST) and/or an"
            + " MQTT broker (QoS 1), retrying with back-off; events no sink takes go to the dead-letter topic.",
            "Offsets are committed only after delivery. Runs until Ctrl-C. Secrets come from the environment or"
            + " files, never flags."})
final class NotifyCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Override
    public List<SettingGroup> settingGroups() {
        return ServiceOptions.GROUPS;
    }

    @Option(names = "--webhook-url", paramLabel = "URL", description = "POST each event here (http or https).")
    String webhookUrl;

    @Option(names = "--webhook-secret-file", paramLabel = "FILE",
            description = "File whose first line signs the requests (or env VAD_WEBHOOK_SECRET); required with a URL.")
    String webhookSecretFile;

    @Option(names = "--webhook-timeout", paramLabel = "DURATION", description = "Time-out of one POST (default 10s).")
    String webhookTimeout;

    @Option(names = "--mqtt-uri", paramLabel = "URI",
            description = "MQTT broker: tcp://HOST:PORT, ssl://HOST:PORT, ws:// or wss://.")
    String mqttUri;

    @Option(names = "--mqtt-topic-prefix", paramLabel = "PREFIX",
            description = "Events go to PREFIX/<stream id>/events (default vad).")
    String mqttTopicPrefix;

    @Option(names = "--mqtt-client-id", paramLabel = "ID",
            description = "MQTT client id (default vad-notifier- and 8 random hex digits).")
    String mqttClientId;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "MQTT user name (default none).")
    String mqttUser;

    @Option(names = "--mqtt-password-file", paramLabel = "FILE",
            description = "File whose first line is the MQTT password (or env VAD_MQTT_PASSWORD).")
    String mqttPasswordFile;

    @Option(names = "--mqtt-timeout", paramLabel = "DURATION",
            description = "Time-out of connecting and of one publish's acknowledgement (default 10s).")
    String mqttTimeout;

    @Option(names = "--delivery-attempts", paramLabel = "N",
            description = "Attempts per event and sink before it is dead-lettered (default 5).")
    String deliveryAttempts;

    @Option(names = "--retry-delay", paramLabel = "DURATION",
            description = "Pause after the first failed attempt, doubled after each further one (default 1s).")
    String retryDelay;

    @Option(names = "--retry-max-delay", paramLabel = "DURATION",
            description = "Longest pause between two attempts (default 60s).")
    String retryMaxDelay;

    @Option(names = "--group-id", paramLabel = "ID", description = "Consumer group (default vad-notifier).")
    String groupId;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        NotifierSettings settings = NotifierSettings.load(config, options.kafka.properties,
                "vad-notifier-" + UUID.randomUUID().toString().substring(0, 8));
        config.validate();
        List<Sink> sinks = NotifierService.sinks(settings);
        connect(sinks, config, settings);
        try (ServiceHost host = ServiceHost.open("notifier", settings.kafka(),
                settings.topicSettings().frameMaxMessageBytes(), settings.metrics())) {
            return host.run(new NotifierService(settings, sinks, host.clients(), host.registry(), Clock.systemUTC()),
                    spec.commandLine().getOut(), o -> "notifier: " + o.records() + " events handled"
                            + (o.deadLetters() == 0 ? "" : ", " + o.deadLetters() + " dead letters"));
        }
    }

    /**
     * Connects the sinks that keep a connection (MQTT) before any event is read: a broker that is away or refuses
     * the user at start is a configuration problem (exit code 2), listed with the rest; later outages are retried.
     */
    private static void connect(List<Sink> sinks, ConfigReader config, NotifierSettings settings) {
        for (Sink sink : sinks) {
            if (sink instanceof MqttSink) {
                sink.connect().ifPresent(problem -> config.problem("mqtt-uri", config.found("mqtt-uri")
                        + ", which did not accept a connection: " + problem, "an MQTT broker that accepts the"
                        + " connection" + (settings.mqtt().user() == null ? "" : " of --mqtt-user")
                        + " within --mqtt-timeout"));
            }
        }
        if (!config.problems().isEmpty()) {
            sinks.forEach(Sink::close);
            config.validate();
        }
    }
}
