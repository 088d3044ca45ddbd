package dev.vad.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every codec promises, checked for each message type. */
class WireCodecContractTest {

    private static final WireLimits SMALL = new WireLimits(4096, 4096, 64, 256, 1 << 16, 256);

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of("frame window", new FrameWindowCodec(SMALL), WireSamples.frameWindow()),
                Arguments.of("reconstruction", new ReconstructionCodec(SMALL), WireSamples.reconstruction()),
                Arguments.of("model artifact", new ModelArtifactCodec(SMALL), WireSamples.modelArtifact()),
                Arguments.of("score", JsonCodec.scores(SMALL), WireSamples.scoreRecord()),
                Arguments.of("anomaly event", JsonCodec.events(SMALL), WireSamples.anomalyEvent()),
                Arguments.of("dead letter", new DeadLetterCodec(SMALL), WireSamples.deadLetter()),
                Arguments.of("camera", JsonCodec.cameras(SMALL), WireSamples.camera()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void roundTripsExactly(String type, WireCodec<T> codec, T sample) {
        assertThat(codec.decode(codec.encode(sample))).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void decodeRejectsEmptyInput(String type, WireCodec<T> codec, T sample) {
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("empty " + type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void decodeRejectsEveryTruncation(String type, WireCodec<T> codec, T sample) {
        byte[] full = codec.encode(sample);
        for (int length = 1; length < full.length; length++) {
            byte[] prefix = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> codec.decode(prefix))
                    .as("prefix of %d of %d bytes", length, full.length)
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageMatching("(?s).*(truncated|malformed|not a|expected).*");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void decodeRejectsRandomBytesWithAClearMessage(String type, WireCodec<T> codec, T sample) {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            assertThatThrownBy(() -> codec.decode(noise))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageContaining(type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void decodeRejectsOversizedInputBeforeParsing(String type, WireCodec<T> codec, T sample) {
        byte[] huge = new byte[4097];
        assertThatThrownBy(() -> codec.decode(huge))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("larger than the cap of 4096 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void decodeRejectsAnUnknownVersionNamingBoth(String type, WireCodec<T> codec, T sample) {
        byte[] bytes = codec.encode(sample);
        byte[] newer = bytes[0] == '{' ? bumpJsonVersion(bytes) : bumpBinaryVersion(bytes);
        int highest = type.equals("anomaly event") ? AnomalyEvent.SCHEMA_VERSION : 1;
        assertThatThrownBy(() -> codec.decode(newer))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown " + type + " version 9, this build reads up to " + highest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    <T> void decodeRejectsAnotherTypesRecord(String type, WireCodec<T> codec, T sample) {
        byte[] other = type.equals("dead letter")
                ? new FrameWindowCodec().encode(WireSamples.frameWindow())
                : new DeadLetterCodec().encode(WireSamples.deadLetter());
        assertThatThrownBy(() -> codec.decode(other))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("not a " + type + " record");
    }

    private static byte[] bumpBinaryVersion(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[4] = 9;
        return copy;
    }

    private static byte[] bumpJsonVersion(byte[] bytes) {
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"schema_version\":1");
        return json.replace("\"schema_version\":1", "\"schema_version\":9").getBytes(StandardCharsets.UTF_8);
    }
}
