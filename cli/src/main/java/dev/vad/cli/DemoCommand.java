package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vad demo}: the whole pipeline on one machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on this machine.",
            "Starts an embedded Kafka broker (unless --bootstrap-servers is given), ingest, trainer, scorer,",
            "the metrics endpoints and the live viewer."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "URI",
            description = "Video file, image folder, stream URL, camera or synthetic: (default synthetic:).")
    String source;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long, e.g. 2m (default: Ctrl-C).")
    String duration;

    @Option(names = "--model", paramLabel = "NAME", description = "Model kind, e.g. conv2d, conv3d (default conv3d).")
    String model;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        throw new NotInThisBuild("ingest, the trainer and the scorer");
    }
}
