package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vad replay}: retrain on, or re-score, a range of the frames topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Retrain on a topic range, or re-score it with --rescore into separate output topics.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "OFFSETS|TIMESTAMP", required = true,
            description = "Start: per-partition offsets (0:120,1:80) or an ISO-8601 timestamp.")
    String from;

    @Option(names = "--to", paramLabel = "OFFSETS|TIMESTAMP", required = true, description = "End, as --from.")
    String to;

    @Option(names = "--rescore", description = "Re-score the range instead of training on it.")
    boolean rescore;

    @Option(names = "--model", paramLabel = "NAME[@VERSION]", description = "Model to train or to re-score with.")
    String model;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOptions topics;

    @Override
    public Integer call() {
        throw new NotInThisBuild(rescore ? "the scorer" : "the trainer");
    }
}
