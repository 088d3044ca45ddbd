package dev.vad.cli;

import picocli.CommandLine.Option;

/** Where a service serves /metrics and /health. */
final class MetricsOptions {

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS",
            description = "Address of /metrics and /health (env VAD_METRICS_BIND, default 127.0.0.1).")
    String bind;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Port of /metrics and /health; 0 any free port, -1 off (env VAD_METRICS_PORT).")
    String port;
}
