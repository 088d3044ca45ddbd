package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vad train}: learn what normal looks like from frame windows and publish models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train autoencoders on frame windows from Kafka and publish versioned models.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", description = "Model kind, e.g. conv2d, conv3d (default conv3d).")
    String model;

    @Option(names = "--from", paramLabel = "OFFSETS|TIMESTAMP", description = "Train on a range starting here, then exit.")
    String from;

    @Option(names = "--to", paramLabel = "OFFSETS|TIMESTAMP", description = "End of the range (default: the log end).")
    String to;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        throw new NotInThisBuild("the trainer");
    }
}
