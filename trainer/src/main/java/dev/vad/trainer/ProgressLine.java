package dev.vad.trainer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for people: on a terminal one line redrawn in place (step, loss, validation loss, samples/s,
 * ETA); elsewhere (logs, containers) a plain line every few seconds.
 */
public final class ProgressLine {

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastNanos;
    private boolean drawn;

    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 250_000_000L : 5_000_000_000L;
    }

    /** A progress line for this process's standard output. */
    public static ProgressLine forStandardOutput() {
        return new ProgressLine(System.out, System.console() != null);
    }

    /**
     * Shows where training stands, at most every interval unless {@code force}.
     *
     * @param totalSteps the planned steps, or 0 when training goes on with the stream
     */
    public void show(String model, int step, int totalSteps, double loss, double validationLoss,
                     double samplesPerSecond, double stepsPerSecond, boolean force) {
        long now = System.nanoTime();
        if (!force && drawn && now - lastNanos < intervalNanos) {
            return;
        }
        lastNanos = now;
        String line = format(model, step, totalSteps, loss, validationLoss, samplesPerSecond, stepsPerSecond);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
        drawn = true;
    }

    /** Ends a redrawn line so what follows starts on its own line. */
    public void finish() {
        if (terminal && drawn) {
            out.println();
            out.flush();
        }
        drawn = false;
    }

    static String format(String model, int step, int totalSteps, double loss, double validationLoss,
                         double samplesPerSecond, double stepsPerSecond) {
        StringBuilder b = new StringBuilder();
        b.append("train ").append(model).append(" step ").append(step);
        if (totalSteps > 0) {
            int width = 20;
            int filled = (int) Math.min(width, Math.round(width * step / (double) totalSteps));
            b.append('/').append(totalSteps).append(" [").append("#".repeat(filled))
                    .append(".".repeat(width - filled)).append(']');
        }
        b.append(String.format(Locale.ROOT, " loss %.5f", loss));
        if (!Double.isNaN(validationLoss)) {
            b.append(String.format(Locale.ROOT, " val %.5f", validationLoss));
        }
        b.append(String.format(Locale.ROOT, " %.1f windows/s", samplesPerSecond));
        if (totalSteps > 0 && stepsPerSecond > 0) {
            long seconds = Math.round((totalSteps - step) / stepsPerSecond);
            b.append(String.format(Locale.ROOT, " ETA %d:%02d", seconds / 60, seconds % 60));
        }
        return b.toString();
    }
}
