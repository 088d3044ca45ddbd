package dev.vad.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The receiver operating characteristic of scores against binary labels: its points (one per distinct score,
 * from the highest), the area under it and the equal error rate. Undefined (NaN) when one class is absent.
 *
 * @param falsePositiveRates from 0 to 1
 * @param truePositiveRates  from 0 to 1, same length
 * @param auc                area under the curve (ties count half, as the trapezoid rule does)
 * @param eer                the error rate where false positives and false negatives are equally likely
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double auc, double eer) {

    public static RocCurve of(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        long positives = IntStream.range(0, labels.length).filter(i -> labels[i]).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return new RocCurve(new double[0], new double[0], Double.NaN, Double.NaN);
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] fpr = new double[scores.length + 1];
        double[] tpr = new double[scores.length + 1];
        int points = 1;
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie) {
                fpr[points] = (double) fp / negatives;
                tpr[points] = (double) tp / positives;
                points++;
            }
        }
        double[] x = Arrays.copyOf(fpr, points);
        double[] y = Arrays.copyOf(tpr, points);
        double area = 0;
        for (int i = 1; i < points; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return new RocCurve(x, y, area, equalErrorRate(x, y));
    }

    /** Where the false positive rate meets the false negative rate (1 - TPR), interpolated between points. */
    private static double equalErrorRate(double[] fpr, double[] tpr) {
        for (int i = 1; i < fpr.length; i++) {
            double before = fpr[i - 1] - (1 - tpr[i - 1]);
            double after = fpr[i] - (1 - tpr[i]);
            if (after >= 0) {
                double t = before == after ? 0 : before / (before - after);
                return fpr[i - 1] + t * (fpr[i] - fpr[i - 1]);
            }
        }
        return 1.0;
    }
}
