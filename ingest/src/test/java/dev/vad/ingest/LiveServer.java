package dev.vad.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live stream served by the ffmpeg command line on loopback, as a camera or a streaming server would: a test
 * pattern at 25 fps, encoded and sent in real time ({@code -re}) until stopped.
 */
final class LiveServer implements AutoCloseable {

    private final List<String> command;
    private final String url;
    private Process process;

    private LiveServer(String codec, String format, List<String> output, String url) {
        List<String> c = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=160x120:rate=25", "-c:v", codec, "-q:v", "5", "-f", format));
        c.addAll(output);
        this.command = List.copyOf(c);
        this.url = url;
    }

    /** MPEG-TS over HTTP ({@code ffmpeg -listen 1}) on a free loopback port. */
    static LiveServer httpMpegTs() throws IOException {
        String url = "http://127.0.0.1:" + freePort() + "/live.ts";
        return new LiveServer("mpeg2video", "mpegts", List.of("-listen", "1", url), url);
    }

    /** MJPEG over HTTP (multipart), as IP cameras serve it. */
    static LiveServer httpMjpeg() throws IOException {
        String url = "http://127.0.0.1:" + freePort() + "/camera.mjpg";
        return new LiveServer("mjpeg", "mpjpeg", List.of("-listen", "1", url), url);
    }

    /** MPEG-TS over a TCP connection the server listens for. */
    static LiveServer tcpMpegTs() throws IOException {
        String url = "tcp://127.0.0.1:" + freePort();
        return new LiveServer("mpeg2video", "mpegts", List.of(url + "?listen=1"), url);
    }

    /** MPEG-TS sent as UDP datagrams to a loopback port the ingest listens on. */
    static LiveServer udpMpegTs() throws IOException {
        String url = "udp://127.0.0.1:" + freePort();
        return new LiveServer("mpeg2video", "mpegts", List.of(url + "?pkt_size=1316"), url);
    }

    static boolean ffmpegInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/ffmpeg")) || Files.isExecutable(Path.of("/usr/local/bin/ffmpeg"));
    }

    /** What a client opens. */
    String url() {
        return url;
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
