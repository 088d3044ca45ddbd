package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.DeadLetterCodec;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.FrameWindowCodec;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.TimestampKind;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad records on the pipeline's topics, each sent to one running {@code vad score} process between good windows:
 * each bad window goes to the dead-letter topic with its reason, a bad model is counted and ignored, and the good
 * stream goes on being scored.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRecordCatalogueIT {

    private static final int SIDE = 32;
    private static final int FRAMES = 4;

    private final FrameWindowCodec codec = new FrameWindowCodec();
    private final AtomicLong goodSequence = new AtomicLong();
    private ProcessPipeline pipeline;
    private KafkaProducer<String, byte[]> producer;
    private VadProcess scorer;

    @BeforeAll
    void startScorer(KafkaBackend kafka) throws Exception {
        pipeline = new ProcessPipeline(kafka::bootstrapServers, "badrecords");
        pipeline.ingest("seed", 160);
        pipeline.trainFirstModel();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 << 20), new StringSerializer(), new ByteArraySerializer());
        scorer = pipeline.start(pipeline.scoreCommand());
        sendGoodWindowAndAwaitItsScore();
    }

    @AfterAll
    void stop() throws Exception {
        if (scorer != null) {
            assertThat(scorer.terminate(60)).as("the scorer ran through every bad record").isEqualTo(143);
        }
        if (producer != null) {
            producer.close();
        }
    }

    static Stream<Arguments> badWindows() {
        return Stream.of(
                bad("an empty record", w -> new byte[0], "decode", "empty frame window record"),
                bad("a record without a value", w -> null, "decode", "empty frame window record"),
                bad("random bytes", w -> random(1_000), "decode", "not a frame window record"),
                bad("the right magic with an unknown version", w -> patch(w, 4, 99), "decode",
                        "unknown frame window version 99"),
                bad("a record cut in half", w -> Arrays.copyOf(w, w.length / 2), "decode", "truncated"),
                bad("a header claiming frames of 1,000,000 pixels a side", w -> patchInt(w, widthAt(), 1_000_000),
                        "decode", "frame size 1000000x32 is outside"),
                bad("a header claiming 100,000 frames", w -> patchInt(w, widthAt() - 4, 100_000), "decode",
                        "frame count 100000 is outside"),
                bad("a header claiming a negative height", w -> patchInt(w, widthAt() + 4, -32), "decode",
                        "frame size 32x-32 is outside"),
                bad("an oversized record: 12 MiB after a whole window", w -> append(w, 12 << 20), "decode",
                        "trailing"),
                bad("an unknown pixel format", w -> patch(w, 7, 9), "decode", "unknown pixel format id 9"),
                bad("an unknown timestamp kind", w -> patch(w, 6, 7), "decode", "unknown timestamp kind 7"),
                bad("a stream id claiming 2 GiB", w -> patchInt(w, 8, Integer.MAX_VALUE), "decode", "stream id"),
                bad("a window of another frame size", w -> window(16, 16, FRAMES, PixelFormat.GRAY8), "shape_mismatch",
                        "16x16"),
                bad("a window of colour frames for a grey model", w -> window(SIDE, SIDE, FRAMES, PixelFormat.RGB24),
                        "shape_mismatch", "RGB24"),
                bad("a window of another length", w -> window(SIDE, SIDE, 8, PixelFormat.GRAY8), "shape_mismatch",
                        "8 frames"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWindows")
    void aBadWindowIsDeadLetteredWithItsReasonAndTheGoodStreamGoesOn(String kind, Function<byte[], byte[]> corrupt,
                                                                    String reason, String detail) throws Exception {
        String key = "bad-" + kind.replaceAll("\\W+", "-");
        byte[] value = corrupt.apply(codec.encode(frameWindow("bad", 0, SIDE, SIDE, FRAMES, PixelFormat.GRAY8)));
        producer.send(new ProducerRecord<>(pipeline.topic("frames"), key, value)).get(30, TimeUnit.SECONDS);

        sendGoodWindowAndAwaitItsScore();
        DeadLetter letter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(key), l -> l != null);
        assertThat(letter.reason()).isEqualTo(reason);
        assertThat(letter.detail()).contains(detail);
        assertThat(letter.service()).isEqualTo("scorer");
        assertThat(letter.originalValueBytes()).as("the letter tells the record's size")
                .isEqualTo(value == null ? 0 : value.length);
    }

    @Test
    void aCorruptModelArtifactIsCountedAndTheScorerKeepsItsModel() throws Exception {
        byte[] artifact = TopicContents.read(pipeline.bootstrap(), pipeline.topic("models")).get(0).value();
        byte[] flipped = artifact.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        double rejectedBefore = scorer.metric("vad_scorer_models_rejected_total");
        producer.send(new ProducerRecord<>(pipeline.topic("models"), "conv2d", flipped)).get(30, TimeUnit.SECONDS);
        producer.send(new ProducerRecord<>(pipeline.topic("models"), "conv2d", random(4_096)))
                .get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> scorer.metric("vad_scorer_models_rejected_total") == rejectedBefore + 2);
        sendGoodWindowAndAwaitItsScore();
        assertThat(scorer.metric("vad_scorer_model_version")).as("still scoring with the model it had").isEqualTo(1);
        assertThat(scorer.output()).anyMatch(line -> line.contains("corrupt model artifact"));
    }

    private void sendGoodWindowAndAwaitItsScore() throws Exception {
        long sequence = goodSequence.getAndIncrement();
        producer.send(new ProducerRecord<>(pipeline.topic("frames"), "good",
                codec.encode(frameWindow("good", sequence, SIDE, SIDE, FRAMES, PixelFormat.GRAY8))))
                .get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.scored().contains("good#" + sequence));
    }

    private DeadLetter deadLetter(String key) {
        return TopicContents.read(pipeline.bootstrap(), pipeline.topic("dlq")).stream()
                .map(r -> new DeadLetterCodec().decode(r.value()))
                .filter(l -> l.key() != null && new String(l.key(), StandardCharsets.UTF_8).equals(key))
                .findFirst().orElse(null);
    }

    private static Arguments bad(String kind, Function<byte[], byte[]> corrupt, String reason, String detail) {
        return Arguments.of(kind, corrupt, reason, detail);
    }

    private static byte[] window(int width, int height, int frames, PixelFormat format) {
        return new FrameWindowCodec().encode(frameWindow("bad", 0, width, height, frames, format));
    }

    private static FrameWindow frameWindow(String stream, long sequence, int width, int height, int frames,
                                           PixelFormat format) {
        long[] indices = LongStream.range(sequence * frames, (sequence + 1) * frames).toArray();
        long[] times = LongStream.of(indices).map(i -> i * 40_000).toArray();
        byte[] pixels = new byte[frames * width * height * format.channels()];
        new Random(sequence).nextBytes(pixels);
        return new FrameWindow(stream, sequence, indices, times, TimestampKind.STREAM_TIME, 0, false, width, height,
                format, pixels);
    }

    /** Where the width of a window from stream {@code bad} is: after magic, version, 3 flags, the id, 2 longs, count. */
    private static int widthAt() {
        return 8 + 4 + "bad".length() + 16 + 4;
    }

    private static byte[] patch(byte[] bytes, int at, int value) {
        byte[] out = bytes.clone();
        out[at] = (byte) value;
        return out;
    }

    private static byte[] patchInt(byte[] bytes, int at, int value) {
        byte[] out = bytes.clone();
        ByteBuffer.wrap(out).putInt(at, value);
        return out;
    }

    private static byte[] append(byte[] bytes, int extra) {
        return Arrays.copyOf(bytes, bytes.length + extra);
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        new Random(length).nextBytes(out);
        return out;
    }
}
