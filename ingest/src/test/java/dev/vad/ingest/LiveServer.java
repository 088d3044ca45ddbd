package dev.vad.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live stream served by the ffmpeg command line on loopback ({@code ffmpeg -re ... -listen 1}), as a camera or a
 * streaming server would: a test pattern at 25 fps, encoded and sent in real time until stopped.
 */
final class LiveServer implements AutoCloseable {


    private final List<String> command;
    private Process process;

    private LiveServer(List<String> command) {
        this.command = command;
    }

    /** MPEG-TS over HTTP on a free loopback port. */
    static LiveServer httpMpegTs() throws IOException {
        String url = "http://127.0.0.1:" + freePort() + "/live.ts";
        return new LiveServer(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
                "testsrc2=size=160x120:rate=25", "-c:v", "mpeg2video", "-q:v", "5", "-f", "mpegts", "-listen", "1",
                url));
    }

    /** MJPEG over HTTP (multipart), as IP cameras serve it. */
    static LiveServer httpMjpeg() throws IOException {
        String url = "http://127.0.0.1:" + freePort() + "/camera.mjpg";
        return new LiveServer(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
                "testsrc2=size=160x120:rate=25", "-c:v", "mjpeg", "-q:v", "5", "-f", "mpjpeg", "-listen", "1", url));
    }

    static boolean ffmpegInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/ffmpeg")) || Files.isExecutable(Path.of("/usr/local/bin/ffmpeg"));
    }

    String url() {
        return command.get(command.size() - 1);
    }

    LiveServer start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return this;
    }

    /** Kills the server abruptly, as a crashing camera or a cut cable would end the stream. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
