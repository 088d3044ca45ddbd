package dev.vad.eval;

/**
 * The frame scores of one test clip, one per frame in clip order.
 *
 * Both protocols judge the same per-frame score, the scorer's calibrated one; they differ only in what is done to
 * it: the paper protocol min-max normalises it within each clip (looking at the whole clip), the online protocol
 * takes it as published (causal).
 *
 * @param clip   the clip
 * @param raw    the frame score before the per-clip normalisation of the paper protocol
 * @param online the calibrated score the live scorer publishes for the frame
 */
public record ClipScores(Clip clip, double[] raw, double[] online) {

    /** The raw scores min-max normalised within the clip (the papers' protocol). */
    double[] normalised() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = max > min ? (raw[i] - min) / (max - min) : 0;
        }
        return out;
    }

    boolean[] labels() {
        boolean[] labels = new boolean[clip.labels().size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = clip.labels().get(i);
        }
        return labels;
    }
}
