package dev.vad.cli;

import picocli.CommandLine.Option;

/** Where model artifacts are kept as files, besides the models topic. */
final class ModelDirOption {

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Model artifacts as files, <name>-v<version>.vadm: the trainer writes every version"
                    + " here, the scorer looks here too.")
    String modelDir;
}
