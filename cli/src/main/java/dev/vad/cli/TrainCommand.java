package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import dev.vad.trainer.ProgressLine;
import dev.vad.trainer.TrainerOutcome;
import dev.vad.trainer.TrainerService;
import dev.vad.trainer.TrainerSettings;
import java.time.Clock;
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
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "KIND",
            description = "conv1d, conv2d, conv3d, conv4d, conv5d or conv6d (default conv3d).")
    String model;

    @Mixin
    TrainingOptions training;

    @Option(names = "--mode", paramLabel = "continual|fit-then-freeze",
            description = "Learn while the stream flows, or from its first windows then stop (default continual).")
    String mode;

    @Option(names = "--from", paramLabel = "OFFSETS|TIMESTAMP",
            description = "Train on a range starting here, then exit: per-partition offsets (0:120,1:80) or ISO-8601.")
    String from;

    @Option(names = "--to", paramLabel = "OFFSETS|TIMESTAMP", description = "End of the range (default: the log end).")
    String to;

    @Option(names = "--group-id", paramLabel = "ID", description = "Consumer group (default vad-trainer).")
    String groupId;

    @Mixin
    ModelDirOption modelDir;

    @Mixin
    ServiceOptions options;

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
