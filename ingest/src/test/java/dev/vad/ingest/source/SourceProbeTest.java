package dev.vad.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceProbeTest {

    private static final FfmpegOptions OPTIONS = new FfmpegOptions(5, Duration.ofSeconds(5), "tcp");

    @TempDir
    Path dir;

    @Test
    void aVideoFileReportsItsContainerCodecSizeRateLengthAndFirstFrame() throws Exception {
        Path clip = TestClips.video(dir.resolve("square.mp4"), 30, 25);

        SourceProbe.Report report = SourceProbe.probe(SourceUri.parse(clip.toString()), OPTIONS);

        assertThat(report.container()).contains("mp4");
        assertThat(report.codec()).isEqualTo("mpeg4");
        assertThat(report.pixelFormat()).isEqualTo("yuv420p");
        assertThat(report.width()).isEqualTo(TestClips.SIZE);
        assertThat(report.height()).isEqualTo(TestClips.SIZE);
        assertThat(report.fps()).isEqualTo(25.0);
        assertThat(report.frames()).isEqualTo(30);
        assertThat(report.durationMicros()).isBetween(1_150_000L, 1_250_000L);
        BufferedImage first = report.firstFrame();
        assertThat(first.getWidth()).isEqualTo(TestClips.SIZE);
        assertThat(first.getRGB(8, 32) & 0xff).as("inside frame 0's square").isGreaterThan(180);
        assertThat(first.getRGB(40, 5) & 0xff).as("background").isLessThan(80);
    }

    @Test
    void anImageFolderReportsTheImagesSizeAtTheFolderRate() throws Exception {
        Path folder = TestClips.folder(dir.resolve("frames"), 4, "%03d", "png");

        SourceProbe.Report report = SourceProbe.probe(SourceUri.parse(folder.toString()), OPTIONS);

        assertThat(report.codec()).isEqualTo("png");
        assertThat(report.width()).isEqualTo(TestClips.SIZE);
        assertThat(report.fps()).isEqualTo(5.0);
        assertThat(report.firstFrame().getRGB(8, 32) & 0xff).isGreaterThan(180);
    }

    @Test
    void aMissingFileFailsInOneLineBeforeFfmpegTries() {
        Path missing = dir.resolve("no-such-clip.mp4");

        assertThatThrownBy(() -> SourceProbe.probe(SourceUri.parse(missing.toString()), OPTIONS))
                .isInstanceOf(SourceException.class).hasMessage("cannot open " + missing + ": no such file or folder");
    }

    @Test
    void anUnreachableStreamFailsInOneLineWithItsPasswordMasked() {
        SourceUri camera = SourceUri.parse("rtsp://admin:hunter2@127.0.0.1:9/stream");

        assertThatThrownBy(() -> SourceProbe.probe(camera, OPTIONS)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("cannot probe rtsp://admin:***@127.0.0.1:9/stream: ")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("\n");
    }

    @Test
    void theSyntheticSceneHasNoFormatToProbe() {
        assertThatThrownBy(() -> SourceProbe.probe(SourceUri.parse("synthetic:"), OPTIONS))
                .isInstanceOf(SourceException.class).hasMessageContaining("--width, --height");
    }
}
