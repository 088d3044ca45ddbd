package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.Arrays;

/**
 * {@code wide}, the Keras colour autoencoder with a dense latent: convolutions (kernel 3, "same") C→32→64→128→
 * 256→512 with max pooling by 2 between them, global max pooling, a dense latent of {@code 4 x prod(L/8)} units
 * (1,024 for 128x128), all SELU with LeCun-normal weights; the decoder reshapes the latent to 4 channels at
 * {@code L/8}, then convolutions 4→512, up-sample, →256, up-sample, →128, up-sample, →64, →32 (SELU) and →C
 * (sigmoid). The axes that are a multiple of 16 are pooled and up-sampled as above (the latent at {@code L/8}); any
 * other axis keeps its length through the network, the latent included. Kernels are 3 long along every axis but the
 * block axes of the 5D and 6D views ({@code Hb} and {@code Wb}, axes {@code N-4} and {@code N-2} of
 * {@code (.., Hb, Hp, Wb, Wp)}), where they are 1 long: each block is convolved on its own, the dense latent joins
 * them, and the kernels keep the 3D (5D) and 4D (6D) sizes; with 3 taps along every axis the 256- and 512-channel
 * layers alone would be 85 million parameters in 5D and about 255 million in 6D.
 */
final class WideArchitecture implements Architecture {
    private static final long[] ENCODER = {32, 64, 128, 256, 512};
    private static final long[] DECODER = {512, 256, 128};
    private static final long LATENT_CHANNELS = 4;

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        ConvGeometry same = same(n);
        long[] latentLengths = input.lengths();
        boolean[] scaled = new boolean[n];
        long latentUnits = LATENT_CHANNELS;
        for (int i = 0; i < n; i++) {
            scaled[i] = latentLengths[i] % 16 == 0;
            latentLengths[i] /= scaled[i] ? 8 : 1;
            latentUnits *= latentLengths[i];
        }
        FeatureMap h = input;
        for (int i = 0; i < ENCODER.length; i++) {
            h = b.selu(b.conv(h, ENCODER[i], same));
            if (i < ENCODER.length - 1) {
                h = b.maxPool(h, scaled);
            }
        }
        h = b.selu(b.dense(b.globalMaxPool(h), latentUnits));
        b.decoder();
        h = b.reshape(h, LATENT_CHANNELS, latentLengths);
        for (long channels : DECODER) {
            h = b.upsample(b.selu(b.conv(h, channels, same)), scaled);
        }
        h = b.selu(b.conv(h, 64, same));
        h = b.selu(b.conv(h, 32, same));
        return b.sigmoid(b.conv(h, input.channels(), same));
    }

    /** Kernel 3, stride 1, "same" padding; kernel 1 along the block axes of a 5D or 6D view. */
    private static ConvGeometry same(int dimensions) {
        int[] kernel = new int[dimensions];
        int[] padding = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            boolean block = dimensions >= 5 && (i == dimensions - 4 || i == dimensions - 2);
            kernel[i] = block ? 1 : 3;
            padding[i] = block ? 0 : 1;
        }
        int[] ones = new int[dimensions];
        Arrays.fill(ones, 1);
        return ConvGeometry.of(kernel, ones, padding, new int[dimensions]);
    }

    @Override
    public ParameterInit init(int dimensions) {
        return ParameterInit.LECUN_NORMAL;
    }
}
