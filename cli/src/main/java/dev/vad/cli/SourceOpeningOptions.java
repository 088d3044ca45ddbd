package dev.vad.cli;

import picocli.CommandLine.Option;

/** How FFmpeg opens a source: the flags {@code vad ingest} and {@code vad probe} share. */
final class SourceOpeningOptions {

    @Option(names = "--folder-fps", paramLabel = "FPS", description = "Frame rate of image folders (default 10).")
    String folderFps;

    @Option(names = "--io-timeout", paramLabel = "DURATION",
            description = "A live stream silent this long counts as dropped (default 10s).")
    String ioTimeout;

    @Option(names = "--rtsp-transport", paramLabel = "tcp|udp", description = "RTSP transport (default tcp).")
    String rtspTransport;
}
