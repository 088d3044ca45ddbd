package dev.vad.common.wire;

/**
 * How pixel bytes become network input: {@code x = (byte / 255 - offset) / scale}, per channel when the arrays
 * have one entry per channel, or one value for all channels.
 */
public record Normalisation(double[] offset, double[] scale) {

    /** Pixels scaled to 0..1, the input a sigmoid-output autoencoder reconstructs. */
    public static Normalisation unitRange() {
        return new Normalisation(new double[] {0.0}, new double[] {1.0});
    }

    public Normalisation {
        if (offset == null || scale == null || offset.length == 0 || offset.length != scale.length) {
            throw new IllegalArgumentException("normalisation needs as many offsets as scales, at least one");
        }
        for (double s : scale) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalisation scales must be > 0, found " + s);
            }
        }
        offset = offset.clone();
        scale = scale.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalisation n
                && java.util.Arrays.equals(offset, n.offset) && java.util.Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(offset) + java.util.Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Normalisation[offset=" + java.util.Arrays.toString(offset)
                + ", scale=" + java.util.Arrays.toString(scale) + "]";
    }
}
