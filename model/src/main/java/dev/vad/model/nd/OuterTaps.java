package dev.vad.model.nd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which input position each kernel tap of the outermost axis reads, as a 0/1 matrix. Along that axis a
 * convolution of kernel {@code k}, stride {@code s} and padding {@code p} has output {@code o}, tap {@code t} read
 * input {@code s*o + t - p} (nothing where that falls in the padding). Multiplying by this matrix gathers every
 * tap's input at once, and multiplying by its transpose places every tap's contribution where it belongs, so the
 * hierarchy's shifts, zero padding, strides and sums over taps are each one matrix product: a chain in the graph
 * rather than {@code k} parallel branches. (SameDiff walks every path of the graph when it runs it, and parallel
 * branches nested over layers and levels multiply the paths.) The outer axes of a window are short, so the
 * product costs little next to the convolution.
 */
final class OuterTaps {
    private OuterTaps() {
    }

    /**
     * The gathering matrix {@code [outputs*k, inputs]}: row {@code o*k + t} has a 1 in column {@code s*o + t - p}
     * when that column exists.
     */
    static INDArray gathering(long inputs, long outputs, int kernel, int stride, int padding, DataType type) {
        INDArray m = Nd4j.zeros(type, outputs * kernel, inputs);
        forEach(inputs, outputs, kernel, stride, padding, (i, o, t) -> m.putScalar(o * kernel + t, i, 1.0));
        return m;
    }

    /**
     * The taps as a band {@code [k, aLength*bLength]}: entry {@code (t, a*bLength + b)} is 1 when
     * {@code a == s*b + t - p}. For a convolution {@code a} runs over input and {@code b} over output positions (tap
     * {@code t} of output {@code b} reads input {@code a}); for a transposed convolution the other way round (tap
     * {@code t} of input {@code b} lands on output {@code a}).
     */
    static INDArray band(long aLength, long bLength, int kernel, int stride, int padding, DataType type) {
        INDArray m = Nd4j.zeros(type, kernel, aLength * bLength);
        forEach(aLength, bLength, kernel, stride, padding, (a, b, t) -> m.putScalar(t, a * bLength + b, 1.0));
        return m;
    }

    /** Receives one tap: tap {@code t} of position {@code b} joins position {@code a}. */
    @FunctionalInterface
    interface Tap {
        void accept(long a, long b, int t);
    }

    /**
     * Every tap that falls inside: for {@code b} below {@code bLength} and {@code t} below {@code kernel}, the
     * position {@code a = s*b + t - p} when it lies below {@code aLength} and not before 0.
     */
    static void forEach(long aLength, long bLength, int kernel, int stride, int padding, Tap tap) {
        for (long b = 0; b < bLength; b++) {
            for (int t = 0; t < kernel; t++) {
                long a = stride * b + t - padding;
                if (a >= 0 && a < aLength) {
                    tap.accept(a, b, t);
                }
            }
        }
    }

    /** The gathering matrix as a graph constant of {@code x}'s data type. */
    static SDVariable gathering(SameDiff sd, SDVariable x, long inputs, long outputs, int kernel, int stride,
            int padding) {
        return sd.constant(gathering(inputs, outputs, kernel, stride, padding, x.dataType()));
    }
}
