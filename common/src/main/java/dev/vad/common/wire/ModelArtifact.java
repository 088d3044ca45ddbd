package dev.vad.common.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A versioned model as published on {@code vad.models} and written to model directories: the self-describing
 * header and the serialized network, which only the model module interprets.
 */
public record ModelArtifact(ModelHeader header, byte[] network) {

    public ModelArtifact {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(network, "network");
    }

    /** The record key on {@code vad.models}. */
    public String key() {
        return header.name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelArtifact a && header.equals(a.header) && Arrays.equals(network, a.network);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(network);
    }

    @Override
    public String toString() {
        return "ModelArtifact[" + header + ", " + network.length + " network bytes]";
    }
}
