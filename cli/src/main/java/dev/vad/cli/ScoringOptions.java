package dev.vad.cli;

import picocli.CommandLine.Option;

/** How windows are scored and judged (score and replay --rescore share these; each has its own --model). */
final class ScoringOptions {


    @Option(names = "--threshold", paramLabel = "Z",
            description = "Calibrated score at which a frame is anomalous and an episode may open (default 3).")
    String threshold;

    @Option(names = "--low-mark", paramLabel = "Z",
            description = "Calibrated score below which an open episode counts towards closing (default threshold/2).")
    String lowMark;

    @Option(names = "--enter-frames", paramLabel = "N",
            description = "Frames in a row at or above the threshold that open an episode (default 3).")
    String enterFrames;

    @Option(names = "--exit-frames", paramLabel = "N",
            description = "Frames in a row below the low mark that close it (default 10).")
    String exitFrames;

    @Option(names = "--update-every", paramLabel = "N",
            description = "Frames between update records of an open episode (default 25).")
    String updateEvery;

    @Option(names = "--history-frames", paramLabel = "N",
            description = "Recent normal frame scores per stream in the causal baseline (default 3000).")
    String historyFrames;

    @Option(names = "--min-history", paramLabel = "N",
            description = "Frames before a stream's own history replaces the model's validation statistics"
                    + " (default 300).")
    String minHistory;

    @Option(names = "--smoothing-frames", paramLabel = "N",
            description = "Publish each frame's calibrated score averaged over the stream's last N scored frames"
                    + " (default 1: as calibrated).")
    String smoothingFrames;

    @Option(names = "--score-scale", paramLabel = "log|linear",
            description = "Scale on which errors are calibrated (default log).")
    String scoreScale;

    @Option(names = "--reconstruction-every", paramLabel = "N",
            description = "Publish every N-th window's reconstruction per stream; 0 none, 1 all (default 10).")
    String reconstructionEvery;

    @Option(names = "--max-batch-windows", paramLabel = "N", description = "Windows scored together (default 16).")
    String maxBatchWindows;

    @Option(names = "--max-streams", paramLabel = "N",
            description = "Streams tracked at once; the least recently seen is forgotten (default 1024).")
    String maxStreams;

    @Option(names = "--scene-change-guard", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Report sudden frame-wide changes as scene changes, not anomalies (default true).")
    String sceneChangeGuard;

    @Option(names = "--scene-change-share", paramLabel = "FRACTION",
            description = "A high frame whose mean error is at least this share of its worst patch's is a scene"
                    + " change (default 0.5).")
    String sceneChangeShare;
}
