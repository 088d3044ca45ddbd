package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vad score}: reconstruct and score every window with the newest model. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score frame windows with the newest model; publish scores, reconstructions and events.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", description = "Model name to load and hot-swap (default conv3d).")
    String model;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        throw new NotInThisBuild("the scorer");
    }
}
