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

    @Option(names = "--metrics-user", paramLabel = "NAME",
            description = "User /metrics asks for when it has a password (default vad).")
    String user;

    @Option(names = "--metrics-password-file", paramLabel = "FILE",
            description = "File whose first line is the password of /metrics (or env VAD_METRICS_PASSWORD; default none).")
    String passwordFile;

    @Option(names = "--metrics-tls-keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore to serve /metrics and /health over HTTPS (env VAD_METRICS_TLS_PASSWORD).")
    String tlsKeystore;

    @Option(names = "--metrics-tls-password-file", paramLabel = "FILE",
            description = "File whose first line is the keystore's password.")
    String tlsPasswordFile;
}
