package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.common.config.SettingGroup;
import dev.vad.common.store.ModelDirectory;
import dev.vad.model.fit.FitSettings;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerOutcome;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vad train}: learn what normal looks like from frame windows and publish models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an autoencoder on frame windows from Kafka and publish versioned models.",
            "Continual by default (a new version whenever validation improves, until Ctrl-C);",
            "--mode fit-then-freeze learns from the first windows and stops; --from/--to replays a range."})
final class TrainCommand implements Callable<Integer>, Configured {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "OFFSETS|TIMESTAMP",
            description = "Train on a range starting here, then exit: per-partition offsets (0:120,1:80) or ISO-8601.")
    String from;

    @Option(names = "--to", paramLabel = "OFFSETS|TIMESTAMP", description = "End of the range (default: the log end).")
    String to;

    @Mixin
    ServiceOptions options;

    @Override
    public List<SettingGroup> settingGroups() {
        return Stream.concat(Stream.of(SettingGroup.of("train", FitSettings.MODEL, TrainerSettings.MODE,
                TrainerSettings.GROUP_ID, ModelDirectory.SETTING), TrainerSettings.TRAINING),
                ServiceOptions.GROUPS.stream()).toList();
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigReader config = ServiceConfig.of(spec);
        TrainerSettings settings = TrainerSettings.load(config, from, to, options.kafka.properties, true);
        config.validate();
        return train(settings, spec);
    }

    /** Runs the trainer with its metrics endpoint until it ends or the process is asked to stop. */
    static int train(TrainerSettings settings, CommandSpec spec) throws InterruptedException {
        try (ServiceHost host = ServiceHost.open("trainer", settings.kafka(),
                Math.max(settings.topicSettings().frameMaxMessageBytes(),
                        settings.topicSettings().modelMaxMessageBytes()), settings.metrics())) {
            return host.run(new TrainerService(settings, host.clients(), host.registry(), Clock.systemUTC(),
                    ProgressLine.forStandardOutput()), spec.commandLine().getOut(), TrainCommand::describe);
        }
    }

    static String describe(TrainerOutcome o) {
        String rejected = o.rejected() == 0 ? "" : ", " + o.rejected() + " records to the dead-letter topic";
        String result = o.versions().isEmpty() ? "no version published" : "published versions " + o.versions();
        return o.model() + ": " + result + " after " + o.steps() + " steps on " + o.windows() + " windows" + rejected
                + (o.note() == null ? "" : " (" + o.note() + ")");
    }
}
