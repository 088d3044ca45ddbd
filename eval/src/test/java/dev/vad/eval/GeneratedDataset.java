package dev.vad.eval;

import dev.vad.core.calibration.ScoreScale;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small dataset in the UCSD frames layout, written as real JPEGs: a grey block walking across a dark yard (three
 * training clips); in the two test clips a large white cart crosses in frames 12-19.
 */
public final class GeneratedDataset {

    public static final int FRAMES = 32;

    private GeneratedDataset() {
    }

    public static void write(Path root) throws IOException {
        clip(root, "training/frames/01", false, 0);
        clip(root, "training/frames/02", false, 7);
        clip(root, "training/frames/03", false, 14);
        clip(root, "testing/frames/01", true, 3);
        clip(root, "testing/frames/02", true, 11);
        StringBuilder labels = new StringBuilder("clip,frame_index0,file,label\n");
        for (String clip : List.of("01", "02")) {
            for (int f = 0; f < FRAMES; f++) {
                labels.append(clip).append(',').append(f).append(",x,").append(anomalous(f) ? 1 : 0).append('\n');
            }
        }
        Files.writeString(root.resolve("testing/frame_labels.csv"), labels);
    }

    /**
     * 32x32, windows of 4, a compact 3D model for 60 steps validated every 20, training clip 02 held out for
     * validation with pseudo-anomalies.
     */
    public static EvalSettings settings() {
        return settings(60, ValidationClips.of(1));
    }

    static EvalSettings settings(int steps, ValidationClips validation) {
        return new EvalSettings(new FitSettings(Preset.COMPACT, 3, 8, steps, 3e-3, 42, 8), 32, 32, 4, 1, 20, 10, 10,
                1, ScoreScale.LOG, validation);
    }

    private static boolean anomalous(int frame) {
        return frame >= 12 && frame < 20;
    }

    private static void clip(Path root, String folder, boolean withCart, int offset) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        for (int f = 0; f < FRAMES; f++) {
            BufferedImage image = new BufferedImage(72, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(40, 40, 40));
            g.fillRect(0, 0, 72, 48);
            g.setColor(new Color(140, 140, 140));
            g.fillRect((2 * (f + offset)) % 64, 20, 8, 8);
            if (withCart && anomalous(f)) {
                g.setColor(Color.WHITE);
                g.fillRect(4 * (f - 12) + 10, 10, 26, 26);
            }
            g.dispose();
            ImageIO.write(image, "jpg", dir.resolve(String.format("%03d.jpg", f)).toFile());
        }
    }
}
