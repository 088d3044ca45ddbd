package dev.vad.model;

import dev.vad.model.nd.ConvGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wide}, the Keras colour autoencoder with a dense latent: convolutions (kernel 3, "same") C→32→64→128→
 * 256→512 with max pooling by 2 between them, global max pooling, a dense latent of {@code 4 x prod(L/8)} units
 * (1,024 for 128x128), all SELU with LeCun-normal weights; the decoder reshapes the latent to 4 channels at
 * {@code L/8}, then convolutions 4→512, up-sample, →256, up-sample, →128, up-sample, →64, →32 (SELU) and →C
 * (sigmoid). 1-3 axes, each a multiple of 16.
 */
final class WideArchitecture implements Architecture {
    private static final long[] ENCODER = {32, 64, 128, 256, 512};
    private static final long[] DECODER = {512, 256, 128};
    private static final long LATENT_CHANNELS = 4;

    @Override
    public List<String> problems(long channels, long[] lengths) {
        List<String> problems = new ArrayList<>();
        if (lengths.length > 3) {
            problems.add("wide supports 1-3 spatial axes, found " + lengths.length);
        }
        for (long l : lengths) {
            if (l % 16 != 0) {
                problems.add("wide needs every axis to be a multiple of 16, found " + l);
            }
        }
        return problems;
    }

    @Override
    public FeatureMap build(GraphBuilder b, FeatureMap input) {
        int n = input.dimensions();
        ConvGeometry same = ConvGeometry.uniform(n, 3, 1, 1);
        FeatureMap h = input;
        for (int i = 0; i < ENCODER.length; i++) {
            h = b.selu(b.conv(h, ENCODER[i], same));
            if (i < ENCODER.length - 1) {
                h = b.maxPool(h);
            }
        }
        long[] latentLengths = input.lengths();
        long latentUnits = LATENT_CHANNELS;
        for (int i = 0; i < n; i++) {
            latentLengths[i] /= 8;
            latentUnits *= latentLengths[i];
        }
        h = b.selu(b.dense(b.globalMaxPool(h), latentUnits));
        b.decoder();
        h = b.reshape(h, LATENT_CHANNELS, latentLengths);
        for (long channels : DECODER) {
            h = b.upsample(b.selu(b.conv(h, channels, same)));
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
