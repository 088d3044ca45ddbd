package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.notifier.MqttSettings;
import dev.vad.notifier.MqttSink;
import dev.vad.notifier.NotifierService;
import dev.vad.notifier.NotifierSettings;
import dev.vad.notifier.Sink;
import dev.vad.notifier.WebhookSettings;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
        return Stream.concat(Stream.of(NotifierSettings.SETTINGS, WebhookSettings.SETTINGS, MqttSettings.SETTINGS),
                ServiceOptions.GROUPS.stream()).toList();
    }

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
                sink.connect().ifPresent(problem -> config.problem(MqttSettings.SERVER_URI.key(),
                        config.found(MqttSettings.SERVER_URI.key())
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
