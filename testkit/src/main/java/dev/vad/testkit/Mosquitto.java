package dev.vad.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT broker on loopback: Debian's {@code mosquitto} ({@code scripts/install-test-deps} installs it) on a
 * free port, with its configuration in a temporary directory, anonymous or with one user and password. It can be
 * killed and started again on the same port. Whatever system service the package set up is left alone.
 */
public final class Mosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final long START_SECONDS = 20;

    private final Path dir;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * What keeps the broker from running here, naming the package to install, or an empty string when it can run.
     */
    public static String unavailableReason() {
        return Files.isExecutable(BINARY) && Files.isExecutable(PASSWD) ? ""
                : BINARY + " or " + PASSWD + " is missing; install Debian's mosquitto (scripts/install-test-deps)";
    }

    /** A broker that lets anyone connect. */
    public static Mosquitto anonymous() throws IOException, InterruptedException {
        return configure(null, null);
    }

    /** A broker that takes only {@code user} with {@code password}. */
    public static Mosquitto withUser(String user, String password) throws IOException, InterruptedException {
        return configure(user, password);
    }

    private static Mosquitto configure(String user, String password) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vad-mosquitto");
        int port = LoopbackPorts.free();
        List<String> config = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "persistence false",
                "log_dest stderr",
                // Run as whoever runs the tests: as root, mosquitto would otherwise switch to a user of its own,
                // who may not read the temporary directory.
                "user " + System.getProperty("user.name")));
        if (user == null) {
            config.add("allow_anonymous true");
        } else {
            Path passwords = dir.resolve("passwords");
            run(PASSWD.toString(), "-b", "-c", passwords.toString(), user, password);
            config.add("allow_anonymous false");
            config.add("password_file " + passwords);
        }
        Files.write(dir.resolve("mosquitto.conf"), config, StandardCharsets.UTF_8);
        return new Mosquitto(dir, port);
    }

    /** Starts the broker (again, on the same port, after {@link #kill()}) and returns once it accepts connections. */
    public Mosquitto start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto on port " + port + " is already running");
        }
        Path log = dir.resolve("mosquitto.log");
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("mosquitto did not listen on 127.0.0.1:" + port + " within " + START_SECONDS
                        + " s; it logged: " + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** SIGKILL, as a broker host losing power; {@link #start()} brings it back on the same port. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mosquitto on port " + port + " survived SIGKILL for 10 s");
            }
        }
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Kills the broker and deletes its configuration, passwords and log. */
    @Override
    public void close() throws InterruptedException {
        kill();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a test
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command[0] + " failed: " + said);
        }
    }

}
