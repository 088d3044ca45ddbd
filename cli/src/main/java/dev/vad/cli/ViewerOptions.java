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

    @Option(names = "--viewer-user", paramLabel = "NAME",
            description = "User the viewer asks for when it has a password (default vad).")
    String user;

    @Option(names = "--viewer-password-file", paramLabel = "FILE",
            description = {"File whose first line is the viewer's password; generated there when the file does not",
                "exist (or env VAD_VIEWER_PASSWORD). Required beyond loopback unless --viewer-insecure."})
    String passwordFile;

    @Option(names = "--viewer-insecure", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Serve the viewer beyond loopback without a password (default false).")
    String insecure;

    @Option(names = "--viewer-tls-keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore to serve the viewer over HTTPS (password: env VAD_VIEWER_TLS_PASSWORD).")
    String tlsKeystore;

    @Option(names = "--viewer-tls-password-file", paramLabel = "FILE",
            description = "File whose first line is the keystore's password.")
    String tlsPasswordFile;
}
