package dev.vad.model.nd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The definitions, in plain loops and double precision: the reference the graph versions are checked against.
 * Convolution weights {@code [k..., Cin, Cout]}, transposed convolution weights {@code [k..., Cout, Cin]}.
 */
final class BruteForceConvolution {
    private BruteForceConvolution() {
    }

    /** y[b, co, o] = bias[co] + sum_{ci, t} x[b, ci, o*s + t - p] w[t, ci, co] (zero outside x). */
    static INDArray convolve(INDArray x, INDArray w, INDArray bias, ConvGeometry g) {
        long[] xs = x.shape();
        int n = xs.length - 2;
        int batch = (int) xs[0];
        int cin = (int) xs[1];
        int cout = (int) w.size(n + 1);
        long[] in = java.util.Arrays.copyOfRange(xs, 2, xs.length);
        long[] out = g.convolvedLengths(in);
        double[] xd = x.dup('c').data().asDouble();
        double[] wd = w.dup('c').data().asDouble();
        double[] bd = bias.dup('c').data().asDouble();
        double[] yd = new double[(int) (batch * cout * product(out))];
        int[] kernel = new int[n];
        for (int i = 0; i < n; i++) {
            kernel[i] = g.kernel(i);
        }
        int outCount = (int) product(out);
        int tapCount = (int) g.taps();
        int[] o = new int[n];
        int[] t = new int[n];
        for (int b = 0; b < batch; b++) {
            for (int co = 0; co < cout; co++) {
                for (int oi = 0; oi < outCount; oi++) {
                    unravel(oi, out, o);
                    double acc = bd[co];
                    for (int ti = 0; ti < tapCount; ti++) {
                        unravel(ti, kernel, t);
                        long flat = 0;
                        boolean inside = true;
                        for (int a = 0; a < n && inside; a++) {
                            long pos = (long) o[a] * g.stride(a) + t[a] - g.padding(a);
                            inside = pos >= 0 && pos < in[a];
                            flat = flat * in[a] + pos;
                        }
                        if (!inside) {
                            continue;
                        }
                        for (int ci = 0; ci < cin; ci++) {
                            double xv = xd[(int) (((long) b * cin + ci) * product(in) + flat)];
                            acc += xv * wd[(ti * cin + ci) * cout + co];
                        }
                    }
                    yd[(int) (((long) b * cout + co) * outCount + oi)] = acc;
                }
            }
        }
        return Nd4j.create(yd, shape(batch, cout, out), 'c').castTo(DataType.DOUBLE);
    }

    /** y[b, co, i*s + t - p] += x[b, ci, i] w[t, co, ci], over the window of length (L-1)s - 2p + k + op. */
    static INDArray transpose(INDArray x, INDArray w, INDArray bias, ConvGeometry g) {
        long[] xs = x.shape();
        int n = xs.length - 2;
        int batch = (int) xs[0];
        int cin = (int) xs[1];
        int cout = (int) w.size(n);
        long[] in = java.util.Arrays.copyOfRange(xs, 2, xs.length);
        long[] out = g.transposedLengths(in);
        double[] xd = x.dup('c').data().asDouble();
        double[] wd = w.dup('c').data().asDouble();
        double[] bd = bias.dup('c').data().asDouble();
        int outCount = (int) product(out);
        int inCount = (int) product(in);
        double[] yd = new double[batch * cout * outCount];
        for (int b = 0; b < batch; b++) {
            for (int co = 0; co < cout; co++) {
                java.util.Arrays.fill(yd, (b * cout + co) * outCount, (b * cout + co + 1) * outCount, bd[co]);
            }
        }
        int[] kernel = new int[n];
        for (int i = 0; i < n; i++) {
            kernel[i] = g.kernel(i);
        }
        int tapCount = (int) g.taps();
        int[] i = new int[n];
        int[] t = new int[n];
        for (int ii = 0; ii < inCount; ii++) {
            unravel(ii, in, i);
            for (int ti = 0; ti < tapCount; ti++) {
                unravel(ti, kernel, t);
                long flat = 0;
                boolean inside = true;
                for (int a = 0; a < n && inside; a++) {
                    long pos = (long) i[a] * g.stride(a) + t[a] - g.padding(a);
                    inside = pos >= 0 && pos < out[a];
                    flat = flat * out[a] + pos;
                }
                if (!inside) {
                    continue;
                }
                for (int b = 0; b < batch; b++) {
                    for (int co = 0; co < cout; co++) {
                        double acc = 0;
                        for (int ci = 0; ci < cin; ci++) {
                            acc += xd[(b * cin + ci) * inCount + ii] * wd[(ti * cout + co) * cin + ci];
                        }
                        yd[(int) ((b * cout + co) * (long) outCount + flat)] += acc;
                    }
                }
            }
        }
        return Nd4j.create(yd, shape(batch, cout, out), 'c').castTo(DataType.DOUBLE);
    }

    private static void unravel(int index, long[] dims, int[] into) {
        for (int a = dims.length - 1; a >= 0; a--) {
            into[a] = (int) (index % dims[a]);
            index /= dims[a];
        }
    }

    private static void unravel(int index, int[] dims, int[] into) {
        for (int a = dims.length - 1; a >= 0; a--) {
            into[a] = index % dims[a];
            index /= dims[a];
        }
    }

    private static long product(long[] a) {
        long p = 1;
        for (long v : a) {
            p *= v;
        }
        return p;
    }

    private static long[] shape(long batch, long channels, long[] lengths) {
        long[] s = new long[lengths.length + 2];
        s[0] = batch;
        s[1] = channels;
        System.arraycopy(lengths, 0, s, 2, lengths.length);
        return s;
    }
}
