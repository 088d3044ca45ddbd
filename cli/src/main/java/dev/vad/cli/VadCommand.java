package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code vad} command: prints usage when no subcommand is given. */
@Command(name = "vad", mixinStandardHelpOptions = true, versionProvider = VadVersion.class,
        description = "Streaming video anomaly detection on Kafka.",
        subcommands = {DemoCommand.class, BrokerCommand.class, IngestCommand.class, CameraCommand.class, ProbeCommand.class, TrainCommand.class,
            ScoreCommand.class, NotifyCommand.class, ReplayCommand.class, EvalCommand.class, BenchCommand.class,
            AclsCommand.class},
        footer = {"", "Every setting can also be set with a VAD_* environment variable (--window-frames is"
            + " VAD_WINDOW_FRAMES); flags win.", "Exit codes: 0 success, 1 runtime failure, 2 bad usage or configuration."})
final class VadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
