package dev.vad.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The evaluation's pictures, drawn with Java2D and written as PNG with ImageIO. */
final class EvalPlots {

    private static final Color PAPER = new Color(31, 119, 180);
    private static final Color ONLINE = new Color(255, 127, 14);
    private static final Color TRUTH = new Color(214, 39, 40, 60);
    private static final int MARGIN = 50;

    private EvalPlots() {
    }

    /** Both protocols' ROC curves on one square plot, with their AUCs. */
    static void roc(Path file, RocCurve paper, RocCurve online) throws IOException {
        int size = 560;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int side = size - 2 * MARGIN;
        axes(g, MARGIN, MARGIN, side, side, "false positive rate", "true positive rate");
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        g.drawLine(MARGIN, MARGIN + side, MARGIN + side, MARGIN);
        curve(g, paper.falsePositiveRates(), paper.truePositiveRates(), side, PAPER);
        curve(g, online.falsePositiveRates(), online.truePositiveRates(), side, ONLINE);
        legend(g, MARGIN + side - 230, MARGIN + side - 50, new String[] {
            String.format(Locale.ROOT, "paper protocol   AUC %.3f", paper.auc()),
            String.format(Locale.ROOT, "online protocol  AUC %.3f", online.auc())}, new Color[] {PAPER, ONLINE});
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * One clip's scores over its frames: the normalised frame score (paper protocol) and the calibrated score
     * (online, scaled so the threshold sits at the dashed line), anomalous frames shaded.
     */
    static void clip(Path file, ClipScores scores, double threshold) throws IOException {
        int width = 900;
        int height = 300;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int plotWidth = width - 2 * MARGIN;
        int plotHeight = height - 2 * MARGIN;
        int frames = scores.raw().length;
        boolean[] labels = scores.labels();
        g.setColor(TRUTH);
        for (int f = 0; f < frames; f++) {
            if (labels[f] && (f == 0 || !labels[f - 1])) {
                int end = f;
                while (end < frames && labels[end]) {
                    end++;
                }
                int x0 = MARGIN + (int) Math.floor((double) plotWidth * f / frames);
                int x1 = MARGIN + (int) Math.ceil((double) plotWidth * end / frames);
                g.fillRect(x0, MARGIN, Math.max(1, x1 - x0), plotHeight);
            }
        }
        axes(g, MARGIN, MARGIN, plotWidth, plotHeight, "frame", "score");
        double top = threshold * 2;
        for (double v : scores.online()) {
            top = Math.max(top, v);
        }
        double[] online = new double[frames];
        for (int f = 0; f < frames; f++) {
            online[f] = Math.max(0, scores.online()[f]) / top;
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        int thresholdY = MARGIN + plotHeight - (int) Math.round(plotHeight * threshold / top);
        g.drawLine(MARGIN, thresholdY, MARGIN + plotWidth, thresholdY);
        series(g, scores.normalised(), plotWidth, plotHeight, PAPER);
        series(g, online, plotWidth, plotHeight, ONLINE);
        g.setColor(Color.BLACK);
        g.drawString("clip " + scores.clip().name() + " (" + frames + " frames; shaded: anomalous)", MARGIN, 20);
        legend(g, MARGIN + plotWidth - 330, 16, new String[] {"normalised frame score (paper)",
            String.format(Locale.ROOT, "calibrated score / %.1f (online; dashed: threshold)", top)},
                new Color[] {PAPER, ONLINE});
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void axes(Graphics2D g, int x, int y, int width, int height, String xLabel, String yLabel) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, width, height);
        g.drawString(xLabel, x + width / 2 - 40, y + height + 32);
        g.drawString("0", x - 12, y + height + 4);
        g.drawString("1", x - 12, y + 4);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(y + height / 2 + 40), x - 20);
        rotated.dispose();
    }

    private static void curve(Graphics2D g, double[] xs, double[] ys, int side, Color colour) {
        if (xs.length == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(MARGIN + xs[0] * side, MARGIN + side - ys[0] * side);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(MARGIN + xs[i] * side, MARGIN + side - ys[i] * side);
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(2));
        g.draw(path);
    }

    private static void series(Graphics2D g, double[] values, int width, int height, Color colour) {
        Path2D.Double path = new Path2D.Double();
        for (int f = 0; f < values.length; f++) {
            double x = MARGIN + width * (f + 0.5) / values.length;
            double y = MARGIN + height - height * Math.min(1, Math.max(0, values[f]));
            if (f == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(path);
    }

    private static void legend(Graphics2D g, int x, int y, String[] labels, Color[] colours) {
        for (int i = 0; i < labels.length; i++) {
            g.setColor(colours[i]);
            g.fillRect(x, y + i * 18 - 9, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(labels[i], x + 20, y + i * 18);
        }
    }
}
