package dev.vad.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the PyTorch peer runs on, from the script's {@code --probe} line: torch's version and threads, the BLAS
 * library it has loaded and that library's threads, and the best rate of its single-precision matrix product.
 *
 * @param version     torch's version
 * @param threads     torch's thread count
 * @param blas        the kind of BLAS loaded: {@code openblas-pthread}, {@code openblas}, {@code mkl}, {@code blis},
 *                    {@code atlas}, {@code reference} (Debian's unoptimised libblas3), {@code unknown} or
 *                    {@code none}
 * @param library     the loaded library's real path ({@code -} when none)
 * @param blasThreads the library's own thread count (-1 when it does not say)
 * @param peakGflops  best rate of the peer's matrix product (NaN when not measured)
 */
public record PeerSetup(String version, int threads, String blas, String library, int blasThreads,
        double peakGflops) {
    /** The kind of BLAS refused as a peer: Debian's reference implementation. */
    public static final String REFERENCE = "reference";

    /** Whether the peer computes on the reference BLAS, against which no ratio is printed. */
    public boolean referenceBlas() {
        return REFERENCE.equals(blas);
    }

    /** The message of the refusal: what was found, why it is refused, and how to install an optimised BLAS. */
    public String refusal() {
        return "the PyTorch peer uses the reference BLAS (" + library + "), several times slower than an optimised"
                + " one, so a ratio against it would flatter vad; install Debian's OpenBLAS, which takes the"
                + " libblas.so.3 alternative: scripts/install-bench-deps (or apt-get install libopenblas0-pthread)";
    }

    /** {@code torch_version=... torch_threads=2 torch_blas=... torch_blas_library=... torch_blas_threads=2}. */
    public String fields() {
        return String.format(Locale.ROOT, "torch_version=%s torch_threads=%d torch_blas=%s torch_blas_library=%s"
                + " torch_blas_threads=%d", version, threads, blas, library, blasThreads);
    }

    /** The setup in the script's {@code --probe} output: the last line holding {@code torch_blas}. */
    static Optional<PeerSetup> parse(String output) {
        Optional<String> line = output.lines().filter(l -> l.contains("torch_blas=")).reduce((a, b) -> b);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> f = OutputFields.parse(line.get());
        try {
            return Optional.of(new PeerSetup(f.getOrDefault("torch_version", ""),
                    Integer.parseInt(f.getOrDefault("torch_threads", "-1")), f.get("torch_blas"),
                    f.getOrDefault("torch_blas_library", "-"),
                    Integer.parseInt(f.getOrDefault("torch_blas_threads", "-1")),
                    Double.parseDouble(f.getOrDefault("torch_peak_gflops", "NaN"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
