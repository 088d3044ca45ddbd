package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vad bench}: figures with a ratio against a peer measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks, each printing name=value lines ending in the ratio against a peer.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest, train, infer or kafka.")
    String what;

    @Override
    public Integer call() {
        throw new NotInThisBuild("the " + what + " benchmark");
    }
}
