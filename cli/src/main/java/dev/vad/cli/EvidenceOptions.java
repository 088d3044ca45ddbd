package dev.vad.cli;

import picocli.CommandLine.Option;

/** Where and how much evidence (a snapshot and a clip per anomaly episode) the scorer stores. */
final class EvidenceOptions {

    @Option(names = "--evidence-dir", paramLabel = "DIR",
            description = "Store a snapshot and a clip of each anomaly episode under DIR/<stream>/<first frame>/"
                    + " (env VAD_EVIDENCE_DIR; default none: no evidence).")
    String dir;

    @Option(names = "--evidence-pre-roll", paramLabel = "DURATION",
            description = "How long before an episode's first frame its clip starts (default 3s, at most 5m).")
    String preRoll;

    @Option(names = "--evidence-post-roll", paramLabel = "DURATION",
            description = "How long after an episode's last high frame its clip ends (default 2s, at most 5m).")
    String postRoll;

    @Option(names = "--evidence-max-age", paramLabel = "DURATION",
            description = "Delete episodes stored longer ago than this (default 7d).")
    String maxAge;

    @Option(names = "--evidence-max-bytes", paramLabel = "SIZE",
            description = "Delete the oldest episodes beyond this total, e.g. 500MiB (default 2GiB).")
    String maxBytes;

    @Option(names = "--evidence-buffer-bytes", paramLabel = "SIZE",
            description = "Recent frames kept per stream for the pre-roll at most (default 16MiB).")
    String bufferBytes;
}
