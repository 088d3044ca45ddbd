package dev.vad.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vad ingest}: decode sources and publish frame windows. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Decode video and image sources and publish frame windows to Kafka.")
final class IngestCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "URI", required = true,
            description = "Video file, image folder, http://, tcp://, udp://, rtsp://, v4l2:/dev/videoN or synthetic:;"
                + " repeatable.")
    List<String> sources;

    @Option(names = "--stream-id", paramLabel = "ID", description = "Stream id of each source (default from the source).")
    List<String> streamIds;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOptions topics;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() {
        throw new NotInThisBuild("the ingest service");
    }
}
