package dev.vad.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient check of a SameDiff graph: SameDiff's back-propagated gradients against central finite differences
 * of the scalar loss, in double precision, on a seeded sample of elements of every named variable.
 */
public final class FiniteDifferences {
    private static final double EPSILON = 1e-6;

    private FiniteDifferences() {
    }

    /** Checks up to {@code samples} elements per variable; relative error at most {@code maxRelative}. */
    public static void assertGradientsMatch(SameDiff sd, String loss, Map<String, INDArray> placeholders,
            Collection<String> variables, int samples, double maxRelative) {
        sd.setLossVariables(loss);
        Map<String, INDArray> analytic = sd.calculateGradients(placeholders, variables);
        SplittableRandom random = new SplittableRandom(7);
        for (String name : variables) {
            INDArray param = sd.getArrForVarName(name);
            INDArray gradient = analytic.get(name).dup();
            assertThat(gradient.shape()).as("gradient shape of %s", name).containsExactly(param.shape());
            long n = param.length();
            INDArray flatParam = param.reshape(n);
            INDArray flatGradient = gradient.reshape(n);
            for (int s = 0; s < Math.min(samples, n); s++) {
                long i = samples >= n ? s : random.nextLong(n);
                double original = flatParam.getDouble(i);
                flatParam.putScalar(i, original + EPSILON);
                double plus = sd.outputSingle(placeholders, loss).getDouble(0);
                flatParam.putScalar(i, original - EPSILON);
                double minus = sd.outputSingle(placeholders, loss).getDouble(0);
                flatParam.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPSILON);
                double backprop = flatGradient.getDouble(i);
                double scale = Math.max(Math.abs(numeric) + Math.abs(backprop), 1e-8);
                double relative = Math.abs(numeric - backprop) / scale;
                assertThat(relative < maxRelative || Math.abs(numeric - backprop) < 1e-8)
                        .as("d%s/d%s[%d]: back-propagated %s, finite differences %s", loss, name, i, backprop,
                                numeric)
                        .isTrue();
            }
        }
    }
}
