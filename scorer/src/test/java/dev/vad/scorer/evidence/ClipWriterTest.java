package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.PixelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAnH264Mp4WithEveryFrameAndGivesItItsNameOnlyWhenFinished() throws Exception {
        Path file = dir.resolve("clip.mp4");
        int width = 33;
        int height = 17;
        byte[] frames = new byte[7 * width * height * 3];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (byte) (i * 7);
        }

        ClipWriter clip = ClipWriter.start(file, width, height, PixelFormat.BGR24, 10);
        for (int f = 0; f < 7; f++) {
            clip.write(frames, f * width * height * 3);
        }
        assertThat(file).as("not under its own name while written").doesNotExist();
        assertThat(dir.resolve("clip.mp4.part")).exists();
        assertThat(clip.finish()).isEqualTo(file);

        assertThat(clip.encoder()).isEqualTo("libopenh264");
        assertThat(dir.resolve("clip.mp4.part")).doesNotExist();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            assertThat(grabber.getImageWidth()).as("odd sizes made even").isEqualTo(34);
            assertThat(grabber.getImageHeight()).isEqualTo(18);
            int decoded = 0;
            while (grabber.grabImage() != null) {
                decoded++;
            }
            assertThat(decoded).isEqualTo(7);
        }
    }

    @Test
    void aClipWithoutFramesLeavesNoFile() {
        ClipWriter clip = ClipWriter.start(dir.resolve("clip.mp4"), 16, 16, PixelFormat.GRAY8, 25);

        assertThat(clip.finish()).isNull();
        assertThat(dir).isEmptyDirectory();
    }
}
