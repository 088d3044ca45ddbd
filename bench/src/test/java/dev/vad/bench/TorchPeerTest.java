package dev.vad.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vad.model.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchPeerTest {
    private static final String SAMPLE = "model=compact dims=2 mode=train batch=32 threads=2 torch_version=1.13.1"
            + " torch_params=1037 torch_samples_per_s=1265.61";
    private static final String OPENBLAS = "torch_version=1.13.0a0 torch_threads=2 torch_blas=openblas-pthread"
            + " torch_blas_library=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 torch_blas_threads=2"
            + " torch_peak_gflops=61.50";
    private static final String REFERENCE = "torch_version=1.13.0a0 torch_threads=2 torch_blas=reference"
            + " torch_blas_library=/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0 torch_blas_threads=-1";

    @Test
    void parsesTheScriptsLineIgnoringOtherOutput() {
        PeerResult result = TorchPeer.parse("some warning\n" + SAMPLE + "\n").orElseThrow();

        assertThat(result.measured()).isTrue();
        assertThat(result.samplesPerSecond()).isEqualTo(1265.61);
        assertThat(result.parameters()).isEqualTo(1037);
        assertThat(result.version()).isEqualTo("1.13.1");
    }

    @Test
    void outputWithoutFiguresParsesToNothing() {
        assertThat(TorchPeer.parse("torch=missing\n")).isEmpty();
        assertThat(TorchPeer.parse("torch_samples_per_s=fast")).isEmpty();
        assertThat(PeerSetup.parse("torch=missing\n")).isEmpty();
    }

    @Test
    void probeLineTellsTheBlasItsThreadsAndThePeak() {
        PeerSetup setup = PeerSetup.parse("warning\n" + OPENBLAS + "\n").orElseThrow();

        assertThat(setup.blas()).isEqualTo("openblas-pthread");
        assertThat(setup.blasThreads()).isEqualTo(2);
        assertThat(setup.peakGflops()).isEqualTo(61.5);
        assertThat(setup.referenceBlas()).isFalse();
        assertThat(PeerSetup.parse(REFERENCE).orElseThrow().referenceBlas()).isTrue();
        assertThat(PeerSetup.parse(REFERENCE).orElseThrow().peakGflops()).isNaN();
    }

    @Test
    void lineCarriesEachSidesGflopsAndShareOfThePeakAndEndsInTheRatio() {
        BenchCase c = new BenchCase(Preset.COMPACT, 2, 1, List.of(64, 64));
        ModelTiming vad = new ModelTiming(c, BenchMode.TRAIN, 32, 2, 1037, 1_000_000, 250.0, 0.08);

        assertThat(ModelComparison.line(vad, PeerResult.of(1000.0, 1037, "1.13.1"), 20.0)).isEqualTo(
                "model=compact dims=2 input=64x64 mode=train batch=32 threads=2 mflop_per_sample=6.00 vad_params=1037"
                        + " vad_samples_per_s=250.00 vad_gflops=1.50 vad_peak_pct=7.5 torch_params=1037"
                        + " torch_samples_per_s=1000.00 torch_gflops=6.00 torch_peak_pct=30.0 ratio=0.250");
        assertThat(ModelComparison.line(vad, PeerResult.skipped(TorchPeer.SKIPPED), 20.0))
                .endsWith("vad_peak_pct=7.5 torch=skipped (python3-torch is missing: run scripts/install-bench-deps)");
    }

    @Test
    void aPeerOnTheReferenceBlasIsRefusedBeforeAnythingIsTimed(@TempDir Path dir) throws IOException {
        List<String> timed = new ArrayList<>();
        TorchPeer peer = new TorchPeer(fakePython(dir, REFERENCE), dir.resolve("torch_bench.py"),
                Duration.ofSeconds(30));
        ModelComparison comparison = new ModelComparison(new ModelBenchmark(System::nanoTime),
                new MatrixPeak(System::nanoTime), peer);

        assertThatThrownBy(() -> comparison.run(ModelBenchOptions.defaults(BenchMode.TRAIN), timed::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reference BLAS (/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0)")
                .hasMessageContaining("scripts/install-bench-deps")
                .hasMessageContaining("apt-get install libopenblas0-pthread");
        assertThat(timed).isEmpty();
    }

    @Test
    void missingTorchIsSkippedWithTheInstallHint(@TempDir Path dir) {
        TorchPeer peer = new TorchPeer(dir.resolve("no-python"), dir.resolve("torch_bench.py"), Duration.ofSeconds(5));

        assertThat(peer.setup(1, List.of(64))).isEmpty();
    }

    @Test
    void thePeerGetsTheThreadCountAskedInItsEnvironment(@TempDir Path dir) throws IOException {
        Path python = fakePython(dir, "torch_blas=openblas threads=$OMP_NUM_THREADS,$OPENBLAS_NUM_THREADS");
        TorchPeer peer = new TorchPeer(python, dir.resolve("torch_bench.py"), Duration.ofSeconds(30));

        assertThat(peer.setup(3, List.of(64))).isPresent();
        assertThat(Files.readString(dir.resolve("args"))).isEqualTo(dir.resolve("torch_bench.py")
                + " --probe --threads 3 --peak-sizes 64 env=3,3\n");
    }

    @Test
    void scriptArgumentsCarryTheSameShapeBatchThreadsAndIterationsWithAPredictorTakingWindowsOfFourPredictions() {
        ModelBenchOptions o = ModelBenchOptions.defaults(BenchMode.INFER).withThreads(1).withIterations(2, 7, 5)
                .withWarmUpSeconds(4.5);
        BenchCase deep3d = new BenchCase(Preset.DEEP, 3, 1, List.of(8, 64, 64));
        BenchCase future = new BenchCase(Preset.FUTURE, 3, 1, List.of(8, 96, 144));

        assertThat(String.join(" ", TorchPeer.arguments(o, deep3d))).isEqualTo("--model deep --dims 3 --mode infer"
                + " --batch 32 --channels 1 --frames 8 --height 64 --width 64 --threads 1 --warmup 2"
                + " --warmup-seconds 4.5 --iterations 7 --repeats 5 --seed 42");
        assertThat(String.join(" ", TorchPeer.arguments(o, future))).startsWith("--model future --dims 3"
                + " --mode infer --batch 8 --channels 1 --frames 8 --height 96 --width 144 ");
    }

    @Test
    void theScriptShipsInTheBenchJar() throws IOException {
        Path script = TorchPeer.bundledScript();

        assertThat(Files.readString(script)).contains("def probe(", "class Future(", "compact32");
    }

    /** An executable standing in for python: records its arguments and thread variables, prints {@code line}. */
    private static Path fakePython(Path dir, String line) throws IOException {
        Path python = dir.resolve("python3");
        Files.writeString(python, "#!/bin/sh\necho \"$* env=$OMP_NUM_THREADS,$OPENBLAS_NUM_THREADS\" > '"
                + dir.resolve("args") + "'\necho \"" + line + "\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        return python;
    }
}
