package dev.vad.model;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A value flowing through a network graph with its static shape: {@code [batch, channels, lengths...]} for
 * feature maps, {@code [batch, channels]} (no lengths) for flat vectors.
 */
record FeatureMap(SDVariable value, long channels, long[] lengths) {
    FeatureMap {
        lengths = lengths.clone();
    }

    @Override
    public long[] lengths() {
        return lengths.clone();
    }

    int dimensions() {
        return lengths.length;
    }

    /** Elements per example. */
    long size() {
        long size = channels;
        for (long l : lengths) {
            size *= l;
        }
        return size;
    }

    /** The full shape with -1 for the batch. */
    long[] shape() {
        long[] shape = new long[lengths.length + 2];
        shape[0] = -1;
        shape[1] = channels;
        System.arraycopy(lengths, 0, shape, 2, lengths.length);
        return shape;
    }

    FeatureMap with(SDVariable newValue) {
        return new FeatureMap(newValue, channels, lengths);
    }

    @Override
    public String toString() {
        return "[" + channels + " x " + Arrays.toString(lengths) + "]";
    }
}
