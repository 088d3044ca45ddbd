package dev.vad.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An RTSP camera on loopback: GStreamer's RTSP server (the {@code rtsp-server.py} script next to this class, run by
 * Debian's {@code /usr/bin/python3}) serving a test pattern as H.264 without B-frames, over TCP and UDP, optionally
 * behind basic authentication. Each client gets its own clip from the first frame; a clip of a known frame count
 * ends with RTCP BYE. The server can be killed and started again on the same port, and paused (SIGSTOP) to stall
 * its streams.
 */
public final class RtspServer implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long START_SECONDS = 30;

    private final int frames;
    private final int fps;
    private final String user;
    private final String password;
    private final int port;
    private Process process;

    private RtspServer(int frames, int fps, String user, String password) {
        this.frames = frames;
        this.fps = fps;
        this.user = user;
        this.password = password;
        this.port = LoopbackPorts.free();
    }

    /** A clip of {@code frames} frames at {@code fps} per client, then the end of the stream. */
    public static RtspServer clip(int frames, int fps) {
        if (frames <= 0 || fps <= 0) {
            throw new IllegalArgumentException("a clip needs frames > 0 and fps > 0, found " + frames + " frames at "
                    + fps + " fps");
        }
        return new RtspServer(frames, fps, null, null);
    }

    /** A stream without end at {@code fps}. */
    public static RtspServer endless(int fps) {
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be > 0, found " + fps);
        }
        return new RtspServer(0, fps, null, null);
    }

    /** The same stream, served only to clients that authenticate with {@code user} and {@code password} (basic). */
    public RtspServer withCredentials(String user, String password) {
        if (process != null) {
            throw new IllegalStateException("credentials are set before start()");
        }
        return new RtspServer(frames, fps, user, password);
    }

    /**
     * What keeps the server from running here, in a sentence naming the Debian packages to install
     * ({@code scripts/install-test-deps} installs them), or an empty string when it can run.
     */
    public static String unavailableReason() {
        return Availability.REASON;
    }

    /** Starts the server (again, on the same port, after {@link #kill()}) and returns once it listens. */
    public RtspServer start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the RTSP server on port " + port + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), Script.PATH.toString(), "--port",
                Integer.toString(port), "--frames", Integer.toString(frames), "--fps", Integer.toString(fps)));
        if (user != null) {
            command.addAll(List.of("--user", user, "--password", password));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        awaitReady(process);
        return this;
    }

    /** {@code rtsp://127.0.0.1:PORT/stream}, without credentials. */
    public String url() {
        return "rtsp://127.0.0.1:" + port + "/stream";
    }

    /** The stream's URL carrying {@code user:password@}, the form cameras are configured with. */
    public String url(String user, String password) {
        return "rtsp://" + user + ":" + password + "@127.0.0.1:" + port + "/stream";
    }

    public int port() {
        return port;
    }

    public int fps() {
        return fps;
    }

    /** SIGKILL, as a camera losing power ends its streams; {@link #start()} brings it back on the same port. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the RTSP server on port " + port + " survived SIGKILL for 10 s");
            }
        }
    }

    /** SIGSTOP: the server's connections stay open but nothing more is sent or answered, as a hung camera. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the RTSP server on port " + port + " is not running");
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /**
     * Waits for the script's {@code ready} line; its output is then drained for as long as it runs (its standard
     * input stays open: the script exits when it closes, so a server never outlives the test JVM).
     */
    private void awaitReady(Process started) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        List<String> said = new ArrayList<>();
        Thread reader = new Thread(() -> drain(started.getInputStream(), ready, said), "rtsp-server-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            started.destroyForcibly();
            throw new IOException("the RTSP server did not start on port " + port + " within " + START_SECONDS
                    + " s; it printed: " + String.join(" | ", said), e);
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the RTSP server started", e);
        }
    }

    private static void drain(InputStream output, CompletableFuture<Void> ready, List<String> said) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("ready")) {
                    ready.complete(null);
                } else if (!ready.isDone()) {
                    synchronized (said) {
                        said.add(line);
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed: nothing more to read
        }
        ready.completeExceptionally(new IllegalStateException("the RTSP server exited"));
    }

    /** The script, copied out of the class path once per JVM (it may live in a jar). */
    private static final class Script {

        static final Path PATH = copy();

        private static Path copy() {
            try (InputStream in = RtspServer.class.getResourceAsStream("rtsp-server.py")) {
                if (in == null) {
                    throw new IllegalStateException("rtsp-server.py is missing from the class path next to "
                            + RtspServer.class.getName());
                }
                Path file = Files.createTempFile("vad-rtsp-server", ".py");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the script's {@code --check} passes, asked once per JVM. */
    private static final class Availability {

        static final String REASON = check();

        private static String check() {
            if (!Files.isExecutable(PYTHON)) {
                return PYTHON + " is missing; install Debian's python3 and python3-gi";
            }
            try {
                Process check = new ProcessBuilder(PYTHON.toString(), Script.PATH.toString(), "--check")
                        .redirectErrorStream(true).start();
                String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!check.waitFor(30, TimeUnit.SECONDS)) {
                    check.destroyForcibly();
                    return "checking GStreamer's RTSP server took over 30 s";
                }
                return check.exitValue() == 0 ? "" : said;
            } catch (IOException e) {
                return "cannot run " + PYTHON + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while checking GStreamer's RTSP server";
            }
        }
    }
}
