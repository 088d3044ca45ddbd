package dev.vad.model;

import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import java.util.Arrays;
import java.util.List;

/** Autoencoders in and out of the wire's model artifact: the header describes, the network bytes carry. */
public final class ModelArtifacts {

    private ModelArtifacts() {
    }

    /**
     * Packs a network with its description.
     *
     * @throws IllegalArgumentException when the header's input shape is not the network's
     */
    public static ModelArtifact pack(Autoencoder network, ModelHeader header) {
        List<Integer> shape = network.spec().inputShape();
        if (!shape.equals(asList(header.inputShape()))) {
            throw new IllegalArgumentException("header of " + header.name() + "@" + header.version()
                    + " says input shape " + Arrays.toString(header.inputShape()) + " but the network takes " + shape);
        }
        return new ModelArtifact(header, network.toBytes());
    }

    /**
     * The network of an artifact, refusing one whose network does not take the input shape its header declares.
     */
    public static Autoencoder unpack(ModelArtifact artifact) {
        return Autoencoder.fromBytes(artifact.network(), asList(artifact.header().inputShape()));
    }

    private static List<Integer> asList(int[] shape) {
        return Arrays.stream(shape).boxed().toList();
    }
}
