package dev.vad.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vad bench}: figures with a ratio against a peer measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks, each printing name=value lines ending in the ratio against a peer measured in",
            "the same run.", "  ingest: decode+scale+window+publish a file vs the ffmpeg command decoding and scaling it"})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest, train, infer or kafka.")
    String what;

    @Option(names = "--source", paramLabel = "FILE", description = "Video file (bench ingest).")
    String source;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "64", description = "Frame width (default 64).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "64", description = "Frame height (default 64).")
    int height;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Timed runs of each side after a warm-up; medians are reported (default 3).")
    int repeats;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to publish to (default: an embedded broker started for the run).")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        if (!"ingest".equals(what)) {
            throw new NotInThisBuild("the " + what + " benchmark");
        }
        if (source == null) {
            throw new dev.vad.common.config.ConfigException(List.of(new dev.vad.common.config.ConfigProblem(
                    "--source", "nothing", "a video file to benchmark")));
        }
        return new IngestBenchmark(source, width, height, bootstrapServers, Math.max(1, repeats),
                spec().commandLine().getOut()).run();
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private picocli.CommandLine.Model.CommandSpec spec() {
        return spec;
    }
}
