package dev.vad.ingest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live stream served by the ffmpeg command line on loopback, as a camera or a streaming server would: a test
 * pattern at 25 fps, encoded and sent in real time ({@code -re}) until stopped.
 */
public final class LiveServer implements AutoCloseable {

    private final List<String> command;
    private final String url;
    private final int listenPort;
    private Process process;

    /** @param listenPort the port the server listens on, or 0 when the client listens instead */
    private LiveServer(String codec, String format, List<String> output, String url, int listenPort) {
        List<String> c = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=160x120:rate=25", "-c:v", codec, "-q:v", "5", "-f", format));
        c.addAll(output);
        this.command = List.copyOf(c);
        this.url = url;
        this.listenPort = listenPort;
    }

    /** MPEG-TS over HTTP ({@code ffmpeg -listen 1}) on a free loopback port. */
    public static LiveServer httpMpegTs() throws IOException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/live.ts";
        return new LiveServer("mpeg2video", "mpegts", List.of("-listen", "1", url), url, port);
    }

    /** MJPEG over HTTP (multipart), as IP cameras serve it. */
    static LiveServer httpMjpeg() throws IOException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/camera.mjpg";
        return new LiveServer("mjpeg", "mpjpeg", List.of("-listen", "1", url), url, port);
    }

    /** MPEG-TS over a TCP connection the server listens for. */
    static LiveServer tcpMpegTs() throws IOException {
        int port = freePort();
        String url = "tcp://127.0.0.1:" + port;
        return new LiveServer("mpeg2video", "mpegts", List.of(url + "?listen=1"), url, port);
    }

    /** MPEG-TS sent as UDP datagrams to a loopback port the ingest listens on. */
    static LiveServer udpMpegTs() throws IOException {
        String url = "udp://127.0.0.1:" + freePort();
        return new LiveServer("mpeg2video", "mpegts", List.of(url + "?pkt_size=1316"), url, 0);
    }

    public static boolean ffmpegInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/ffmpeg")) || Files.isExecutable(Path.of("/usr/local/bin/ffmpeg"));
    }

    /** What a client opens. */
    public String url() {
        return url;
    }

    /**
     * Starts ffmpeg; a listening server returns once its port listens, so a client that connects at once is not
     * refused (a probe connection would take the one client {@code -listen 1} serves, so the kernel's socket table
     * is read instead).
     */
    public LiveServer start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (listenPort > 0) {
            await().atMost(Duration.ofSeconds(30)).until(() -> listening(listenPort));
        }
        return this;
    }

    /** Whether a TCP socket listens on {@code port} ({@code /proc/net/tcp}: local address hex:port, state 0A). */
    private static boolean listening(int port) throws IOException {
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(local) && fields[3].equals("0A")) {
                        return true;
                    }
                }
            }
        }
        return false;
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
