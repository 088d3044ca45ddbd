package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code compact}, the 1D-6D study's design: three convolutions (kernel 3, stride 2, padding 1, ReLU) with
 * C→8→4→4 channels, three transposed convolutions back with 4→4→8→C channels, ReLU between, sigmoid output; and
 * the same design with other channel counts ({@code compact32}: C→32→32→16, back 16→32→32→C).
 * Each transposed convolution's output padding (0 or 1 per axis) is chosen to give back exactly the length its
 * mirror convolution received, so any input length is restored without cropping (1 for even lengths, as in the
 * reference, 0 for odd ones).
 */
final class CompactArchitecture implements Architecture {
    /** The number of axes from which short axes are not halved. */
    static final int SPARING_DIMENSIONS = 5;

    private final long[] encoder;
    private final long[] decoder;

    /**
     * @param encoder channels of the three convolutions
     * @param decoder channels of the first two transposed convolutions (the last gives back the input's)
     */
    CompactArchitecture(long[] encoder, long[] decoder) {
        this.encoder = encoder.clone();
        this.decoder = decoder.clone();
    }

    @Override
    public ParameterInit init(int dimensions) {
        return dimensions >= SPARING_DIMENSIONS ? ParameterInit.HE_NORMAL : ParameterInit.UNIFORM_FAN_IN;
    }

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        Deque<long[]> targets = new ArrayDeque<>();
        Deque<ConvGeometry> geometries = new ArrayDeque<>();
        FeatureMap h = input;
        for (long channels : encoder) {
            ConvGeometry down = downsampling(h.lengths());
            targets.push(h.lengths());
            geometries.push(down);
            h = b.relu(b.conv(h, channels, down));
        }
        b.decoder();
        for (long channels : decoder) {
            h = b.relu(b.transposedConv(h, channels, geometries.pop().restoring(h.lengths(), targets.pop())));
        }
        return b.sigmoid(b.transposedConv(h, input.channels(), geometries.pop().restoring(h.lengths(),
                targets.pop())));
    }

    /**
     * Kernel 3, padding 1, stride 2 on every axis, as in the reference; from {@value #SPARING_DIMENSIONS} axes on,
     * stride 2 only on axes of at least 4 positions. A 5D or 6D view spreads a window over many short axes (blocks
     * and pixels of 4 to 8), and halving all of them shrinks the positions 32 to 64 times per layer, leaving a code
     * of a few numbers per window that cannot learn more than the mean.
     */
    static ConvGeometry downsampling(long[] lengths) {
        int n = lengths.length;
        int[] kernel = new int[n];
        int[] stride = new int[n];
        int[] padding = new int[n];
        for (int i = 0; i < n; i++) {
            kernel[i] = 3;
            padding[i] = 1;
            stride[i] = n < SPARING_DIMENSIONS || lengths[i] >= 4 ? 2 : 1;
        }
        return ConvGeometry.of(kernel, stride, padding, new int[n]);
    }
}
