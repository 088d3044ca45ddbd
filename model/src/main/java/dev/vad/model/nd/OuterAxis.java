package dev.vad.model.nd;

/**
 * How {@link NdConvolution} and {@link NdTransposedConvolution} take apart the outermost axis of an input with
 * more axes than ND4J convolves natively, so that one convolution of one axis fewer does the work.
 */
enum OuterAxis {
    /**
     * The {@code k} input slices each output position reads are gathered and stacked as channels, and the output
     * positions folded into the batch: {@code k*Cin} channels over a batch of {@code B*O}. Costs the multiply-adds
     * of the convolution and two copies of the data.
     */
    GATHERED,
    /**
     * The positions become channels ({@code Cin*L} in, {@code Cout*O} out) and the weights a band over them
     * ({@link OuterTaps#band}): no copy at all, but every pair of positions is multiplied, also where no tap joins
     * them, so the multiply-adds grow by the inverse of the band's fill.
     */
    BANDED;

    /**
     * Chooses the form for the outermost axis of geometry {@code g}: {@code a} and {@code b} as in
     * {@link OuterTaps#band}, with {@code aChannels} and {@code bChannels} channels at each position.
     */
    @FunctionalInterface
    interface Rule {
        OuterAxis choose(ConvGeometry g, long aLength, long bLength, long aChannels, long bChannels);
    }

    /**
     * The share of taps a band needs for {@link #BY_FILL} to take it: more than half. Banding a short axis with a
     * full band beats gathering it, banding a long sparse one does not (figures: docs/performance,
     * 2026-12-02-banded-convolutions). A kernel of one tap is never banded beyond a 1-long axis: its band is a
     * diagonal, while gathering it is a mere fold.
     */
    static final double MIN_BAND_FILL = 0.5;

    /**
     * The most weights a banded convolution may hold, {@code 2^24} (64 MB in single precision, as much again
     * for their gradient): the band multiplies a layer's weights by {@code aLength * bLength / k}, and wide
     * layers (512 channels over a 4-long axis: 113 million) would take gigabytes.
     */
    static final long MAX_BANDED_WEIGHTS = 1L << 24;

    /**
     * {@link #BANDED} where more than {@link #MIN_BAND_FILL} of the band is taps and its weights stay within
     * {@link #MAX_BANDED_WEIGHTS}, {@link #GATHERED} elsewhere.
     */
    static final Rule BY_FILL = (g, a, b, ca, cb) -> {
        int k = g.kernel(0);
        boolean filled = fill(a, b, k, g.stride(0), g.padding(0)) > MIN_BAND_FILL;
        boolean small = g.taps() / k * (ca * a) * (cb * b) <= MAX_BANDED_WEIGHTS;
        return filled && small ? BANDED : GATHERED;
    };

    /** The rule that always takes {@code form}. */
    static Rule always(OuterAxis form) {
        return (g, a, b, ca, cb) -> form;
    }

    /** The share of the band {@code [aLength x bLength]} that taps reach. */
    static double fill(long aLength, long bLength, int kernel, int stride, int padding) {
        long[] taps = {0};
        OuterTaps.forEach(aLength, bLength, kernel, stride, padding, (a, b, t) -> taps[0]++);
        return (double) taps[0] / (aLength * bLength);
    }
}
