package dev.vad.common.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the reference-byte fixture of a new message version (run by hand, once, when a version is added:
 * {@code java ... WriteReferenceBytes common/src/test/resources/fixtures}). Existing files are never overwritten.
 */
final class WriteReferenceBytes {

    private WriteReferenceBytes() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        write(dir.resolve("frame-window-v1.bin"), new FrameWindowCodec().encode(WireSamples.frameWindow()));
        write(dir.resolve("reconstruction-v1.bin"), new ReconstructionCodec().encode(WireSamples.reconstruction()));
        write(dir.resolve("model-artifact-v1.bin"), new ModelArtifactCodec().encode(WireSamples.modelArtifact()));
        write(dir.resolve("score-v1.json"), JsonCodec.scores(WireLimits.DEFAULT).encode(WireSamples.scoreRecord()));
        write(dir.resolve("anomaly-event-v1.json"),
                JsonCodec.events(WireLimits.DEFAULT).encode(WireSamples.anomalyEvent()));
        write(dir.resolve("anomaly-event-v2.json"),
                JsonCodec.events(WireLimits.DEFAULT).encode(WireSamples.anomalyEventWithEvidence()));
        write(dir.resolve("dead-letter-v1.bin"), new DeadLetterCodec().encode(WireSamples.deadLetter()));
        write(dir.resolve("camera-v1.json"), JsonCodec.cameras(WireLimits.DEFAULT).encode(WireSamples.camera()));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file)) {
            Files.write(file, bytes);
        }
    }
}
