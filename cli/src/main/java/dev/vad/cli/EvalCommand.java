package dev.vad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vad eval}: frame-level AUC and EER on a labelled dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Train on a labelled dataset's training clips, score its test clips, report AUC and EER.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "Dataset layout: ucsd-ped2.")
    String dataset;

    @Option(names = "--path", paramLabel = "DIR", required = true, description = "Dataset directory.")
    String path;

    @Option(names = "--model", paramLabel = "NAME", description = "Model kind (default conv3d).")
    String model;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default eval-out).")
    String out;

    @Override
    public Integer call() {
        throw new NotInThisBuild("the model engine and the scorer");
    }
}
