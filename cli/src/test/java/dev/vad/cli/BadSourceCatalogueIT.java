package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vad.common.wire.FrameWindow;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad sources and bad settings, each given to the command line as a user would: a clear line naming the problem,
 * the exit code of the design, and a good stream beside a bad source is ingested whole.
 */
@ExtendWith(RealKafka.class)
class BadSourceCatalogueIT {

    private static final int GOOD_FRAMES = 40;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private ProcessPipeline pipeline;

    @BeforeEach
    void topics(KafkaBackend kafka) {
        pipeline = new ProcessPipeline(kafka::bootstrapServers, "badsource");
    }

    @Test
    void aMissingFile() {
        assertBadSourceBesideAGoodOne(dir.resolve("no-such-clip.mp4").toString(), "no-such-clip.mp4: no such file");
    }

    @Test
    void anEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertBadSourceBesideAGoodOne(empty.toString(), "cannot open " + empty
                + ": Invalid data found when processing input (FFmpeg error");
    }

    @Test
    void aTextFileNamedMp4() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n".repeat(100));
        assertBadSourceBesideAGoodOne(text.toString(), "cannot open " + text
                + ": Invalid data found when processing input (FFmpeg error");
    }

    @Test
    void aCorruptVideoOfRandomBytes() throws IOException {
        byte[] noise = new byte[256 * 1024];
        new Random(3).nextBytes(noise);
        Path corrupt = Files.write(dir.resolve("corrupt.avi"), noise);
        assertBadSourceBesideAGoodOne(corrupt.toString(), "cannot open " + corrupt
                + ": Invalid data found when processing input (FFmpeg error");
    }

    @Test
    void anUnreadableFile() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads files whatever their permissions")
                .isNotEqualTo("root");
        Path locked = TestVideos.clip(dir.resolve("locked.mkv"), 20);
        assertThat(locked.toFile().setReadable(false, false)).isTrue();
        assertBadSourceBesideAGoodOne(locked.toString(), "locked.mkv");
    }

    @Test
    void anEmptyFolder() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("no-images"));
        assertBadSourceBesideAGoodOne(empty.toString(), "has no images");
    }

    @Test
    void anUnreachableUrl() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertBadSourceBesideAGoodOne("http://127.0.0.1:" + closed + "/video.mjpg",
                "cannot open http://127.0.0.1:" + closed + "/video.mjpg: Connection refused (FFmpeg error -111 in "
                        + "avformat_open_input)");
    }

    @Test
    void aCameraThatDoesNotExist() {
        assertBadSourceBesideAGoodOne("/dev/video97", "no such device (is the camera connected?");
    }

    @Test
    void aMalformedUrlIsABadSetting() {
        assertThat(ingest("http://", "--stream-id", "bad")).isEqualTo(2);
        assertThat(err.toString()).contains("--source", "'http://' is not a http URL");
    }

    @Test
    void anUnknownSchemeIsABadSetting() {
        assertThat(ingest("gopher://camera/feed", "--stream-id", "bad")).isEqualTo(2);
        assertThat(err.toString()).contains("--source", "gopher");
    }

    @Test
    void aTruncatedVideoIsIngestedAsFarAsItGoes() throws Exception {
        Path whole = TestVideos.clip(dir.resolve("whole.mkv"), 100);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mkv"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(ingest(cut.toString(), "--stream-id", "cut")).as(err.toString()).isZero();
        assertThat(pipeline.sequences("cut").size()).as("windows of what the first half holds")
                .isBetween(2, 100 / 8 - 2);
    }

    @Test
    void aFolderWithACorruptImageAndOneOfAnotherSize() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("frames"));
        for (int i = 0; i < 12; i++) {
            int side = i == 7 ? 97 : 64;
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(i % side, i % side, 0, 255);
            ImageIO.write(image, "png", dir.resolve("frames").resolve(String.format("%03d.png", i)).toFile());
        }
        Files.write(folder.resolve("004.png"), "this is no image".getBytes());

        assertThat(ingest(folder.toString(), "--stream-id", "folder")).as(err.toString()).isZero();
        List<Long> indices = new ArrayList<>();
        pipeline.windows().stream().filter(w -> w.streamId().equals("folder"))
                .forEach(w -> LongStream.of(w.frameIndices()).forEach(indices::add));
        assertThat(indices).as("the corrupt image is left out, the odd-sized one is scaled like the rest")
                .contains(7L).doesNotContain(4L).containsAll(List.of(0L, 1L, 2L, 3L, 5L, 6L, 8L));
    }

    @Test
    void negativeAndZeroSizes() {
        assertThat(ingest("synthetic:", "--width", "-5", "--height", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("2 configuration problems", "--width", "--height");
    }

    @Test
    void aStrideLongerThanTheWindow() {
        assertThat(ingest("synthetic:", "--window-frames", "8", "--stride-frames", "9")).isEqualTo(2);
        assertThat(err.toString()).contains("--stride-frames");
    }

    @Test
    void anUnknownModel() {
        assertThat(run(pipeline.args("train", "--model", "conv9d"))).isEqualTo(2);
        assertThat(err.toString()).contains("--model", "conv9d");
    }

    @Test
    void anUnknownPreset() {
        assertThat(run(pipeline.args("train", "--model", "conv2d", "--preset", "enormous"))).isEqualTo(2);
        assertThat(err.toString()).contains("--preset", "enormous");
    }

    @Test
    void aMetricsPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(ingest("synthetic:?frames=8", "--metrics-port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(1);
            assertThat(err.toString()).contains(":" + taken.getLocalPort() + " (Address already in use)",
                    "choose another --metrics-port");
        }
    }

    @Test
    void aDurationWithoutUnit() {
        assertThat(ingest("synthetic:", "--io-timeout", "5 parsecs")).isEqualTo(2);
        assertThat(err.toString()).contains("--io-timeout", "5 parsecs");
    }

    /** Runs the bad source beside a good synthetic stream: exit 1, one line naming it, the good stream whole. */
    private void assertBadSourceBesideAGoodOne(String source, String message) {
        int exit = run(pipeline.args("ingest", "--source", source, "--stream-id", "bad", "--source",
                "synthetic:?frames=" + GOOD_FRAMES, "--stream-id", "good", "--width", "32", "--height", "32",
                "--window-frames", "4", "--tail", "drop", "--connect-attempts", "1", "--metrics-port", "-1"));

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString().lines()).as("one line names the stream, the source and the cause")
                .singleElement().asString().startsWith("vad ingest: stream bad: ").contains(message);
        assertThat(pipeline.sequences("good")).as("the good stream beside it arrived whole")
                .containsExactlyElementsOf(LongStream.range(0, GOOD_FRAMES / 4).boxed().toList());
    }

    /** {@code vad ingest} of one source at the defaults (64x64, windows of 8), metrics off unless a case sets them. */
    private int ingest(String source, String... flags) {
        List<String> args = new ArrayList<>(List.of("ingest", "--source", source));
        args.addAll(List.of(flags));
        if (!args.contains("--metrics-port")) {
            args.addAll(List.of("--metrics-port", "-1"));
        }
        return run(pipeline.args(args.toArray(String[]::new)));
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Clips made by the ffmpeg command (which ./run-tests installs). */
    private static final class TestVideos {

        static Path clip(Path file, int frames) throws IOException {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc2=size=64x64:rate=25", "-frames:v", Integer.toString(frames), "-c:v", "mpeg4",
                    file.toString()).redirectErrorStream(true).start();
            try {
                if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                    throw new IOException("ffmpeg could not write " + file + ": "
                            + new String(ffmpeg.getInputStream().readAllBytes()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return file;
        }
    }
}
