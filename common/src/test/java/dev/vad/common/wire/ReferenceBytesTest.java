package dev.vad.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference bytes of every message version, committed under {@code src/test/resources/fixtures}: this build must
 * decode each of them forever, and still write the current version byte for byte. When a format changes, add a
 * new version and a new fixture; never edit an old one.
 */
class ReferenceBytesTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("frame-window-v1.bin", new FrameWindowCodec(), WireSamples.frameWindow()),
                Arguments.of("reconstruction-v1.bin", new ReconstructionCodec(), WireSamples.reconstruction()),
                Arguments.of("model-artifact-v1.bin", new ModelArtifactCodec(), WireSamples.modelArtifact()),
                Arguments.of("score-v1.json", JsonCodec.scores(WireLimits.DEFAULT), WireSamples.scoreRecord()),
                Arguments.of("anomaly-event-v1.json", JsonCodec.events(WireLimits.DEFAULT), WireSamples.anomalyEvent()),
                Arguments.of("anomaly-event-v2.json", JsonCodec.events(WireLimits.DEFAULT),
                        WireSamples.anomalyEventWithEvidence()),
                Arguments.of("dead-letter-v1.bin", new DeadLetterCodec(), WireSamples.deadLetter()),
                Arguments.of("camera-v1.json", JsonCodec.cameras(WireLimits.DEFAULT), WireSamples.camera()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <T> void decodesTheCommittedReferenceBytes(String fixture, WireCodec<T> codec, T expected) throws IOException {
        assertThat(codec.decode(read(fixture))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <T> void currentVersionWritesTheReferenceBytes(String fixture, WireCodec<T> codec, T sample) throws IOException {
        assertThat(codec.encode(sample)).isEqualTo(read(fixture));
    }

    static byte[] read(String fixture) throws IOException {
        try (InputStream in = ReferenceBytesTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            assertThat(in).as("fixture %s", fixture).isNotNull();
            return in.readAllBytes();
        }
    }
}
