package dev.vad.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vad.common.wire.PixelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegSourceTest {

    static final Path VTEST = Path.of("../../shared/data/video/vtest.avi");
    private static final FfmpegOptions OPTIONS = new FfmpegOptions(10, Duration.ofSeconds(5), "tcp");
    private static final FrameGeometry GREY_64 = new FrameGeometry(64, 64, PixelFormat.GRAY8, AspectPolicy.STRETCH);

    @TempDir
    Path dir;

    @Test
    void decodesEveryFrameOfAVideoWithStreamTimestampsAndTheRightPixels() throws Exception {
        Path clip = TestClips.video(dir.resolve("square.mp4"), 30, 25);

        List<DecodedFrame> frames = decodeAll(SourceUri.parse(clip.toString()), GREY_64);

        assertThat(frames).hasSize(30);
        assertThat(frames.get(10).timestampMicros()).isCloseTo(400_000, org.assertj.core.data.Offset.offset(1_000L));
        for (int n : new int[] {0, 7, 29}) {
            byte[] pixels = frames.get(n).pixels();
            int left = (4 * n) % (TestClips.SIZE - TestClips.SQUARE);
            assertThat(pixels[32 * 64 + left + 8] & 0xff).as("inside the square of frame %d", n).isGreaterThan(180);
            assertThat(pixels[5 * 64 + 5] & 0xff).as("background of frame %d", n).isLessThan(80);
        }
    }

    @Test
    void scalesAndConvertsToRgbInsideFfmpeg() throws Exception {
        Path clip = TestClips.video(dir.resolve("square.avi"), 5, 10);
        FrameGeometry rgb = new FrameGeometry(32, 16, PixelFormat.RGB24, AspectPolicy.STRETCH);

        List<DecodedFrame> frames = decodeAll(SourceUri.parse(clip.toString()), rgb);

        assertThat(frames).hasSize(5).allSatisfy(f -> assertThat(f.pixels()).hasSize(32 * 16 * 3));
        byte[] first = frames.get(0).pixels();
        int inSquare = (8 * 32 + 4) * 3;
        assertThat(first[inSquare] & 0xff).isGreaterThan(150);
        assertThat(first[inSquare] & 0xff).isCloseTo(first[inSquare + 1] & 0xff, org.assertj.core.data.Offset.offset(8));
    }

    @Test
    void letterboxPadsAndCropCutsToKeepTheAspectRatio() throws Exception {
        Path clip = TestClips.video(dir.resolve("square.mkv"), 3, 10);
        FrameGeometry wide = new FrameGeometry(128, 64, PixelFormat.GRAY8, AspectPolicy.LETTERBOX);
        FrameGeometry crop = new FrameGeometry(128, 64, PixelFormat.GRAY8, AspectPolicy.CROP);

        byte[] boxed = decodeAll(SourceUri.parse(clip.toString()), wide).get(0).pixels();
        byte[] cropped = decodeAll(SourceUri.parse(clip.toString()), crop).get(0).pixels();

        assertThat(boxed[32 * 128 + 5] & 0xff).as("left bar is black").isLessThan(10);
        assertThat(boxed[32 * 128 + 64] & 0xff).as("the picture is in the middle").isGreaterThan(20);
        assertThat(cropped[32 * 128 + 5] & 0xff).as("cropped frames have no bars").isGreaterThan(20);
    }

    @Test
    void readsAnImageFolderInNameOrderAtTheConfiguredRate() throws Exception {
        Path folder = TestClips.folder(dir.resolve("clip"), 12, "%03d", "jpg");

        List<DecodedFrame> frames = decodeAll(SourceUri.parse(folder.toString()), GREY_64);

        assertThat(frames).hasSize(12);
        assertThat(frames.get(11).timestampMicros()).isEqualTo(1_100_000);
        int left = (4 * 11) % (TestClips.SIZE - TestClips.SQUARE);
        assertThat(frames.get(11).pixels()[32 * 64 + left + 8] & 0xff).isGreaterThan(180);
    }

    @Test
    void readsTheOfficialUcsdLayoutOfTiffFrames() throws Exception {
        Path folder = TestClips.folder(dir.resolve("Train001"), 4, "%03d", "tif");
        Files.move(folder.resolve("000.tif"), folder.resolve("004.tif"));

        assertThat(decodeAll(SourceUri.parse(folder.toString()), GREY_64)).hasSize(4);
    }

    @Test
    void anImageOfAnotherSizeIsScaledLikeTheRest() throws Exception {
        Path folder = TestClips.folder(dir.resolve("mixed"), 3, "%03d", "png");
        ImageIO.write(TestClips.image(3, 128, 96), "png", folder.resolve("003.png").toFile());

        List<DecodedFrame> frames = decodeAll(SourceUri.parse(folder.toString()), GREY_64);

        assertThat(frames).hasSize(4);
        assertThat(frames.get(3).pixels()[32 * 64 + 12 + 8] & 0xff).isGreaterThan(150);
    }

    @Test
    void decodesTheRealDivxStreetClipEndToEnd() throws Exception {
        assumeThat(VTEST).as("../shared/data/video/vtest.avi is absent; skipping the real-video test").exists();

        List<DecodedFrame> frames = decodeAll(SourceUri.parse(VTEST.toString()), GREY_64);

        assertThat(frames).hasSize(795);
        assertThat(frames.get(794).timestampMicros()).isCloseTo(79_400_000L, org.assertj.core.data.Offset.offset(1_000L));
    }

    @Test
    void aCorruptImageInAFolderLeavesAGapInPositionsAndTheRestStillDecode() throws Exception {
        Path folder = TestClips.folder(dir.resolve("corrupt"), 6, "%03d", "jpg");
        Files.write(folder.resolve("002.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3, 4, 5});
        List<String> errors = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        int decoded = 0;
        try (FfmpegSource source = source(SourceUri.parse(folder.toString()), GREY_64)) {
            source.open();
            for (int call = 0; call < 20; call++) {
                try {
                    DecodedFrame frame = source.next();
                    if (frame == null) {
                        break;
                    }
                    positions.add(frame.position());
                    decoded++;
                } catch (SourceException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        assertThat(errors).isEmpty();
        assertThat(positions).as("the corrupt image leaves a gap in the positions").containsExactly(0L, 1L, 3L, 4L, 5L);
    }

    @Test
    void aTruncatedVideoDecodesWhatItHolds() throws Exception {
        Path clip = TestClips.video(dir.resolve("cut.mkv"), 40, 25);
        byte[] bytes = Files.readAllBytes(clip);
        Path cut = Files.write(dir.resolve("half.mkv"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        List<DecodedFrame> frames = decodeAll(SourceUri.parse(cut.toString()), GREY_64);
        assertThat(frames.size()).isBetween(5, 39);
    }

    @Test
    void aMissingFileFailsInOneLine() {
        FfmpegSource source = source(SourceUri.parse(dir.resolve("nope.mp4").toString()), GREY_64);

        assertThatThrownBy(source::open).isInstanceOf(SourceException.class)
                .hasMessageEndingWith("nope.mp4: no such file or folder");
    }

    @Test
    void aTextFileNamedMp4FailsNamingTheFile() throws Exception {
        Path fake = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(50));
        FfmpegSource source = source(SourceUri.parse(fake.toString()), GREY_64);

        assertThatThrownBy(source::open).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("cannot open " + fake)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyFolderFailsSayingWhatItExpected() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        FfmpegSource source = source(SourceUri.parse(empty.toString()), GREY_64);

        assertThatThrownBy(source::open).isInstanceOf(SourceException.class)
                .hasMessageContaining("has no images (expected .jpg");
    }

    @Test
    void aMissingCameraFailsWithAHint() {
        FfmpegSource source = source(SourceUri.parse("v4l2:/dev/video97"), GREY_64);

        assertThatThrownBy(source::open).isInstanceOf(SourceException.class)
                .hasMessage("cannot open camera /dev/video97: no such device (is the camera connected? ls /dev/video*)");
    }

    @Test
    void anUnreachableStreamFailsFastInOneLine() {
        FfmpegSource source = source(SourceUri.parse("tcp://127.0.0.1:9"), GREY_64);

        assertThatThrownBy(source::open).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("cannot open tcp://127.0.0.1:9: ")
                .hasMessageNotContaining("\n");
    }

    static List<DecodedFrame> decodeAll(SourceUri uri, FrameGeometry geometry) throws SourceException {
        List<DecodedFrame> frames = new ArrayList<>();
        try (FfmpegSource source = source(uri, geometry)) {
            source.open();
            for (DecodedFrame f = source.next(); f != null; f = source.next()) {
                frames.add(new DecodedFrame(f.pixels().clone(), f.timestampMicros(), f.position()));
            }
        }
        return frames;
    }

    static FfmpegSource source(SourceUri uri, FrameGeometry geometry) {
        return new FfmpegSource(uri, geometry, OPTIONS, Clock.systemUTC());
    }
}
