package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vad probe} as a user runs it: what it prints, the PNG it writes, its exit codes. */
class ProbeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsWhatTheSourceIsAndWritesItsFirstFrame() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("camera"));
        for (int n = 0; n < 3; n++) {
            BufferedImage image = new BufferedImage(48, 36, BufferedImage.TYPE_INT_RGB);
            for (int y = 8; y < 16; y++) {
                for (int x = 8; x < 16; x++) {
                    image.setRGB(x, y, n == 0 ? 0xff0000 : 0x0000ff);
                }
            }
            ImageIO.write(image, "png", folder.resolve(String.format("%02d.png", n)).toFile());
        }
        Path png = dir.resolve("out/first.png");

        int exit = probe(folder.toString(), "--png", png.toString(), "--folder-fps", "12.5");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("source       " + folder, "codec        png", "size         48x36,",
                "fps          12.50", "first frame  " + png);
        BufferedImage first = ImageIO.read(png.toFile());
        assertThat(first.getWidth()).isEqualTo(48);
        assertThat(first.getHeight()).isEqualTo(36);
        assertThat(first.getRGB(12, 12) & 0xffffff).as("frame 0's red square").isEqualTo(0xff0000);
        assertThat(first.getRGB(30, 30) & 0xffffff).as("frame 0's black background").isZero();
    }

    @Test
    void aSourceThatCannotBeOpenedExitsOneWithOneLineAndNoPassword() {
        int exit = probe("rtsp://admin:hunter2@127.0.0.1:9/stream", "--io-timeout", "2s",
                "--png", dir.resolve("never.png").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("vad probe: cannot probe rtsp://admin:***@127.0.0.1:9/stream: ")
                .doesNotContain("hunter2").hasLineCount(1);
        assertThat(out.toString()).doesNotContain("hunter2");
        assertThat(dir.resolve("never.png")).doesNotExist();
    }

    @Test
    void badSettingsExitTwoListingEveryProblem() {
        int exit = probe("ftp://example.com/clip.mp4", "--rtsp-transport", "sctp", "--io-timeout", "soon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("source", "unsupported source scheme", "rtsp-transport", "sctp",
                "io-timeout", "soon");
    }

    private int probe(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "probe";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }
}
