package dev.vad.model.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PyTorch peer: runs {@code scripts/torch_bench.py} with Debian's python ({@code /usr/bin/python3}, package
 * {@code python3-torch}; the pyenv python first on PATH cannot import it) on the same case, batch, threads and
 * iterations as the engine, one process per case, and reads its {@code name=value} line. When torch cannot be
 * imported it installs {@code python3-torch} with apt-get, but only when allowed and running as root; otherwise
 * every case is {@link #SKIPPED}.
 */
public final class TorchPeer {
    /** Debian's system python, the only one that imports Debian's torch. */
    public static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    /** The script, relative to the repository root. */
    public static final Path SCRIPT = Path.of("scripts", "torch_bench.py");
    /** The line printed instead of the peer's figures when torch is missing. */
    public static final String SKIPPED = "torch=skipped (install python3-torch: apt-get install python3-torch)";

    private static final Logger LOG = LoggerFactory.getLogger(TorchPeer.class);

    private final Path python;
    private final Path script;
    private final boolean installAllowed;
    private final Duration timeout;
    private final ProcStatus self;
    private Boolean available;

    /**
     * @param python         the interpreter ({@link #SYSTEM_PYTHON})
     * @param script         {@code torch_bench.py} (see {@link #findScript(List)})
     * @param installAllowed whether a missing torch may be installed with apt-get (root only)
     * @param timeout        longest one case may run
     */
    public TorchPeer(Path python, Path script, boolean installAllowed, Duration timeout) {
        this(python, script, installAllowed, timeout, new ProcStatus(ProcStatus.SELF));
    }

    TorchPeer(Path python, Path script, boolean installAllowed, Duration timeout, ProcStatus self) {
        this.python = python;
        this.script = script;
        this.installAllowed = installAllowed;
        this.timeout = timeout;
        this.self = self;
    }

    /** The first {@code dir/scripts/torch_bench.py} that exists, trying each directory and its parents. */
    public static Optional<Path> findScript(List<Path> startDirectories) {
        for (Path start : startDirectories) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(SCRIPT);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether torch imports, installing it first when allowed; decided once. */
    public synchronized boolean available() {
        if (available == null) {
            available = imports();
            if (!available && installAllowed && self.userId() == 0) {
                LOG.info("torch is missing; installing python3-torch with apt-get (this takes a few minutes)");
                Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
                exec(List.of("apt-get", "update", "-qq"), env, Duration.ofMinutes(10));
                exec(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "python3-torch"), env,
                        Duration.ofMinutes(20));
                available = imports();
            }
            if (!available) {
                LOG.warn("{} cannot import torch{}", python, installAllowed ? " (installing needs root)" : "");
            }
        }
        return available;
    }

    /** The peer's figures for {@code c}, or {@link #SKIPPED} (or the failure) when it cannot run. */
    public PeerResult measure(ModelBenchOptions options, BenchCase c) {
        if (!Files.isRegularFile(script)) {
            return PeerResult.skipped("torch=skipped (script " + script + " not found)");
        }
        if (!available()) {
            return PeerResult.skipped(SKIPPED);
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(arguments(options, c));
        Run run = exec(command, Map.of("OMP_NUM_THREADS", Integer.toString(options.threads())), timeout);
        if (run.exitCode() == 3) {
            return PeerResult.skipped(SKIPPED);
        }
        Optional<PeerResult> result = parse(run.output());
        if (run.exitCode() != 0 || result.isEmpty()) {
            LOG.warn("torch peer failed (exit {}): {}", run.exitCode(), run.output());
            return PeerResult.skipped("torch=failed (exit " + run.exitCode() + ", see the log)");
        }
        return result.get();
    }

    /** The script's arguments for one case. */
    static List<String> arguments(ModelBenchOptions o, BenchCase c) {
        return List.of("--model", c.preset().id(), "--dims", Integer.toString(c.dimensions()),
                "--mode", o.mode().id(), "--batch", Integer.toString(o.batch()),
                "--channels", Integer.toString(c.channels()), "--frames", Integer.toString(o.frames()),
                "--height", Integer.toString(o.height()), "--width", Integer.toString(o.width()),
                "--threads", Integer.toString(o.threads()), "--warmup", Integer.toString(o.warmUpIterations()),
                "--warmup-seconds", Double.toString(o.warmUpSeconds()),
                "--iterations", Integer.toString(o.timedIterations()), "--repeats", Integer.toString(o.repeats()),
                "--seed", Long.toString(o.seed()));
    }

    /** The figures in the script's output: the last line holding {@code torch_samples_per_s}. */
    static Optional<PeerResult> parse(String output) {
        List<String> lines = output.lines().filter(l -> l.contains("torch_samples_per_s=")).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> f = OutputFields.parse(lines.get(lines.size() - 1));
        try {
            return Optional.of(PeerResult.of(Double.parseDouble(f.get("torch_samples_per_s")),
                    Long.parseLong(f.getOrDefault("torch_params", "-1")), f.getOrDefault("torch_version", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean imports() {
        if (!Files.isExecutable(python)) {
            return false;
        }
        return exec(List.of(python.toString(), "-c", "import torch"), Map.of(), Duration.ofMinutes(2))
                .exitCode() == 0;
    }

    private static Run exec(List<String> command, Map<String, String> env, Duration limit) {
        Path log = null;
        try {
            log = Files.createTempFile("vad-torch-peer", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                            .toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + limit);
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("cannot run {}", command, e);
            return new Run(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", file, e);
            }
        }
    }

    private record Run(int exitCode, String output) {
    }
}
