package dev.vad.cli;

import picocli.CommandLine.Option;

/** How a training run fits its model (train and replay share these; each has its own --model). */
final class TrainingOptions {

    @Option(names = "--model-name", paramLabel = "NAME", description = "Name to publish under (default: the kind).")
    String modelName;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Network design: future, compact, compact32, deep, simple, dense or wide (default future;"
                    + " compact for conv1d and conv2d, which future does not take).")
    String preset;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps of a finite fit (default 600).")
    String steps;

    @Option(names = "--batch-windows", paramLabel = "N", description = "Windows per training step (default 8).")
    String batchWindows;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate (default 0.003).")
    String learningRate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and sampling (default 42).")
    String seed;

    @Option(names = "--patch", paramLabel = "PX", description = "Side of the localised score's patches (default 8).")
    String patch;

    @Option(names = "--publish-every-steps", paramLabel = "N",
            description = "Steps between validations; a better model is published (default 200).")
    String publishEverySteps;

    @Option(names = "--publish-every", paramLabel = "DURATION",
            description = "Continual: at most this long between validations (default 2m).")
    String publishEvery;

    @Option(names = "--min-improvement", paramLabel = "FRACTION",
            description = "Continual: publish when validation loss falls by this fraction since the last version"
                    + " (default 0.01).")
    String minImprovement;

    @Option(names = "--buffer-windows", paramLabel = "N", description = "Replay-buffer capacity (default 2000).")
    String bufferWindows;

    @Option(names = "--validation-one-in", paramLabel = "N",
            description = "Hold out one window in N for validation (default 10).")
    String validationOneIn;

    @Option(names = "--validation-windows", paramLabel = "N", description = "Held-out sample size (default 256).")
    String validationWindows;

    @Option(names = "--train-windows", paramLabel = "N",
            description = "Fit-then-freeze: windows to learn from (default 400).")
    String trainWindows;

    @Option(names = "--train-for", paramLabel = "DURATION",
            description = "Fit-then-freeze: or this long of the stream, whichever is first (default: no limit).")
    String trainFor;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "Fit-then-freeze: the stream has ended after this long without a window (default 10s).")
    String idleTimeout;

    @Option(names = "--patience", paramLabel = "N",
            description = "Validations without improvement before the learning rate halves (default 5).")
    String patience;

}
