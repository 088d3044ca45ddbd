package dev.vad.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PyTorch peer: runs {@code torch_bench.py} (a resource of this module, copied to a temporary file) with
 * Debian's python ({@code /usr/bin/python3}, package {@code python3-torch}; the pyenv python first on PATH cannot
 * import it) on the same case, batch, threads and iterations as the engine, one process per case, and reads its
 * {@code name=value} line. It installs nothing: {@code scripts/install-bench-deps} installs torch and the
 * optimised BLAS under it. Each process gets {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS} set to the
 * thread count asked, which torch and OpenBLAS read when they load.
 */
public final class TorchPeer {
    /** Debian's system python, the only one that imports Debian's torch. */
    public static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    /** The peer script, a resource beside this class. */
    static final String SCRIPT_RESOURCE = "torch_bench.py";
    /** The line printed instead of the peer's figures when torch is missing. */
    public static final String SKIPPED = "torch=skipped (python3-torch is missing: run scripts/install-bench-deps)";

    private static final Logger LOG = LoggerFactory.getLogger(TorchPeer.class);

    private final Path python;
    private final Path script;
    private final Duration timeout;

    /**
     * @param python  the interpreter ({@link #SYSTEM_PYTHON})
     * @param script  {@code torch_bench.py} ({@link #bundledScript()})
     * @param timeout longest one case may run
     */
    public TorchPeer(Path python, Path script, Duration timeout) {
        this.python = python;
        this.script = script;
        this.timeout = timeout;
    }

    /** The peer script of this build, copied to a temporary file that is deleted when the JVM exits. */
    public static Path bundledScript() {
        try (InputStream in = TorchPeer.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT_RESOURCE + " is missing beside "
                        + TorchPeer.class.getName() + "; the bench module's jar is incomplete");
            }
            Path copy = Files.createTempFile("vad-torch-bench", ".py");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the peer script " + SCRIPT_RESOURCE, e);
        }
    }

    /**
     * What the peer computes on at {@code threads} threads, with the rate of its matrix product at
     * {@code peakSizes} unless it is on the reference BLAS; empty when torch cannot be imported or the probe
     * fails (logged).
     */
    public Optional<PeerSetup> setup(int threads, List<Integer> peakSizes) {
        if (!Files.isExecutable(python)) {
            LOG.warn("{} is missing: the PyTorch peer needs Debian's python3-torch", python);
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), "--probe",
                "--threads", Integer.toString(threads), "--peak-sizes",
                peakSizes.stream().map(String::valueOf).collect(Collectors.joining(","))));
        Run run = exec(command, threads);
        Optional<PeerSetup> setup = run.exitCode() == 0 ? PeerSetup.parse(run.output()) : Optional.empty();
        if (setup.isEmpty() && run.exitCode() != 3) {
            LOG.warn("torch peer probe failed (exit {}): {}", run.exitCode(), run.output());
        }
        return setup;
    }

    /** The peer's figures for {@code c}, or the failure when it cannot run. */
    public PeerResult measure(ModelBenchOptions options, BenchCase c) {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(arguments(options, c));
        Run run = exec(command, options.threads());
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
        List<Integer> shape = c.spatialShape();
        int frames = c.dimensions() == 3 ? shape.get(0) : o.frames();
        return List.of("--model", c.preset().id(), "--dims", Integer.toString(c.dimensions()),
                "--mode", o.mode().id(), "--batch", Integer.toString(o.batchOf(c)),
                "--channels", Integer.toString(c.channels()), "--frames", Integer.toString(frames),
                "--height", Integer.toString(shape.get(shape.size() - 2)),
                "--width", Integer.toString(shape.get(shape.size() - 1)),
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

    private Run exec(List<String> command, int threads) {
        Path log = null;
        try {
            log = Files.createTempFile("vad-torch-peer", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                            .toFile()));
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + timeout);
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
