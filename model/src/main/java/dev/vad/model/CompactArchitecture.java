package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code compact}, the 1D-6D study's design: three convolutions (kernel 3, stride 2, padding 1, ReLU) with
 * C→8→4→4 channels, three transposed convolutions back with 4→4→8→C channels, ReLU between, sigmoid output; and
 * the same design with other channel counts ({@code compact32}: C→32→32→16, back 16→32→32→C).
 * Each transposed convolution's output padding (0 or 1 per axis) is chosen to give back exactly the length its
 * mirror convolution received, so any input length is restored without cropping (1 for even lengths, as in the
 * reference, 0 for odd ones).
 */
final class CompactArchitecture implements Architecture {
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
    public List<String> problems(long channels, long[] lengths) {
        return List.of();
    }

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        ConvGeometry down = ConvGeometry.uniform(n, 3, 2, 1);
        Deque<long[]> targets = new ArrayDeque<>();
        FeatureMap h = input;
        for (long channels : encoder) {
            targets.push(h.lengths());
            h = b.relu(b.conv(h, channels, down));
        }
        b.decoder();
        for (long channels : decoder) {
            h = b.relu(b.transposedConv(h, channels, down.restoring(h.lengths(), targets.pop())));
        }
        return b.sigmoid(b.transposedConv(h, input.channels(), down.restoring(h.lengths(), targets.pop())));
    }
}
