package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;

/**
 * {@code wide}, the Keras colour autoencoder with a dense latent: convolutions (kernel 3, "same") C→32→64→128→
 * 256→512 with max pooling by 2 between them, global max pooling, a dense latent of {@code 4 x prod(L/8)} units
 * (1,024 for 128x128), all SELU with LeCun-normal weights; the decoder reshapes the latent to 4 channels at
 * {@code L/8}, then convolutions 4→512, up-sample, →256, up-sample, →128, up-sample, →64, →32 (SELU) and →C
 * (sigmoid). 1-4 axes ({@link Preset#WIDE} says why no more): those that are a multiple of 16 are pooled and
 * up-sampled as above (the latent at {@code L/8}); any other axis keeps its length through the network, the latent
 * included.
 */
final class WideArchitecture implements Architecture {
    private static final long[] ENCODER = {32, 64, 128, 256, 512};
    private static final long[] DECODER = {512, 256, 128};
    private static final long LATENT_CHANNELS = 4;

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        ConvGeometry same = ConvGeometry.uniform(n, 3, 1, 1);
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

    @Override
    public ParameterInit init(int dimensions) {
        return ParameterInit.LECUN_NORMAL;
    }
}
