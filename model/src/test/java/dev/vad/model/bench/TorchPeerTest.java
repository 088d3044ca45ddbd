package dev.vad.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.model.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchPeerTest {
    private static final String SAMPLE = "model=compact dims=2 mode=train batch=32 threads=2 torch_version=1.13.1"
            + " torch_params=1037 torch_samples_per_s=1265.61";

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
    }

    @Test
    void lineEndsInTheRatioOfEngineToTorch() {
        BenchCase c = ModelBenchOptions.defaults(BenchMode.TRAIN).cases().get(0);
        ModelTiming vad = new ModelTiming(c, BenchMode.TRAIN, 32, 2, 1037, 250.0, 0.08);

        assertThat(ModelComparison.line(vad, PeerResult.of(1000.0, 1037, "1.13.1"))).isEqualTo(
                "model=compact dims=2 mode=train batch=32 threads=2 vad_params=1037 vad_samples_per_s=250.00"
                        + " torch_version=1.13.1 torch_params=1037 torch_samples_per_s=1000.00 ratio=0.250");
        assertThat(ModelComparison.line(vad, PeerResult.skipped(TorchPeer.SKIPPED)))
                .endsWith("vad_samples_per_s=250.00 torch=skipped (install python3-torch: apt-get install"
                        + " python3-torch)");
    }

    @Test
    void missingTorchIsSkippedWithTheInstallHint(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("torch_bench.py"), "");
        TorchPeer peer = new TorchPeer(dir.resolve("no-python"), script, false, Duration.ofSeconds(5));
        ModelBenchOptions options = ModelBenchOptions.defaults(BenchMode.INFER);

        assertThat(peer.measure(options, options.cases().get(0)).note()).isEqualTo(TorchPeer.SKIPPED);
    }

    @Test
    void scriptArgumentsCarryTheSameShapeBatchThreadsAndIterations() {
        ModelBenchOptions o = ModelBenchOptions.defaults(BenchMode.INFER).withThreads(1).withIterations(2, 7, 5)
                .withWarmUpSeconds(4.5);
        BenchCase deep3d = new BenchCase(Preset.DEEP, 3, 1, List.of(8, 64, 64));

        assertThat(String.join(" ", TorchPeer.arguments(o, deep3d))).isEqualTo("--model deep --dims 3 --mode infer"
                + " --batch 32 --channels 1 --frames 8 --height 64 --width 64 --threads 1 --warmup 2"
                + " --warmup-seconds 4.5 --iterations 7 --repeats 5 --seed 42");
    }

    @Test
    void findsTheScriptFromASubdirectory(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("scripts"));
        Path script = Files.writeString(root.resolve("scripts/torch_bench.py"), "");
        Path deep = Files.createDirectories(root.resolve("cli/target"));

        assertThat(TorchPeer.findScript(List.of(root.resolve("elsewhere-missing"), deep)))
                .contains(script.toAbsolutePath());
    }
}
