package dev.vad.cli;

import picocli.CommandLine.Option;

/** Topic names, each with the design's default. */
final class TopicOptions {

    @Option(names = "--topic-frames", paramLabel = "NAME", description = "Frame windows (default vad.frames).")
    String frames;

    @Option(names = "--topic-models", paramLabel = "NAME", description = "Models, compacted (default vad.models).")
    String models;

    @Option(names = "--topic-scores", paramLabel = "NAME", description = "Scores (default vad.scores).")
    String scores;

    @Option(names = "--topic-reconstructions", paramLabel = "NAME",
            description = "Reconstructions (default vad.reconstructions).")
    String reconstructions;

    @Option(names = "--topic-events", paramLabel = "NAME", description = "Anomaly events (default vad.events).")
    String events;

    @Option(names = "--topic-dlq", paramLabel = "NAME", description = "Dead letters (default vad.dlq).")
    String deadLetters;
}
