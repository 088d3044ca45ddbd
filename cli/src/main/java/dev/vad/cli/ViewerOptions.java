package dev.vad.cli;

import picocli.CommandLine.Option;

/** Where the scorer serves its live viewer. */
final class ViewerOptions {

    @Option(names = "--viewer-bind", paramLabel = "ADDRESS",
            description = "Address of the live viewer (env VAD_VIEWER_BIND, default 127.0.0.1).")
    String bind;

    @Option(names = "--viewer-port", paramLabel = "PORT",
            description = "Port of the live viewer; 0 any free port, -1 off (default 9404).")
    String port;

    @Option(names = "--viewer-history", paramLabel = "DURATION",
            description = "How far back the viewer's score plots reach (default 5m).")
    String history;
}
