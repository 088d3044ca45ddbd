package dev.vad.cli;

import dev.vad.common.config.ConfigException;
import dev.vad.common.kafka.KafkaRefusal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code ./vad}. Exit codes: 0 success, 2 bad usage or configuration (every problem listed),
 * 1 runtime failure, each failure as one clear line on stderr.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.setOut(new PrintStream(new LineDroppingStream(new FileOutputStream(FileDescriptor.out),
                "Added differentiated op "), true, StandardCharsets.UTF_8));
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VadCommand());
        SettingOptions.addTo(cli);
        cli.setParameterExceptionHandler((error, args) -> {
            CommandLine command = error.getCommandLine();
            java.io.PrintWriter err = command.getErr();
            err.println(error.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
            err.print(command.getHelp().fullSynopsis());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((error, command, parsed) -> {
            String name = command.getCommandSpec().qualifiedName();
            if (error instanceof ConfigException) {
                command.getErr().println(name + ": " + error.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            command.getErr().println(name + ": " + describe(error)
                    + KafkaRefusal.advice(error).map(advice -> "; " + advice).orElse(""));
            LOG.debug("{} failed", name, error);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
