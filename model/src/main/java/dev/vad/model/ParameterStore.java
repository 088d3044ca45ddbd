package dev.vad.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The named arrays of one network graph: trainable parameters (tagged encoder or decoder) and non-trained state
 * (batch-norm running statistics). A name is created once, initialised from the seeded random source in
 * creation order, and handed back as the same variable when a second branch of the graph asks for it.
 */
final class ParameterStore {
    private final SameDiff sd;
    private final DataType type;
    private final ParameterInit init;
    private final SplittableRandom random;
    private final Map<String, NetworkPart> trainable = new LinkedHashMap<>();
    private final List<String> state = new ArrayList<>();
    private NetworkPart part = NetworkPart.ENCODER;

    ParameterStore(SameDiff sd, DataType type, ParameterInit init, long seed) {
        this.sd = sd;
        this.type = type;
        this.init = init;
        this.random = new SplittableRandom(seed);
    }

    SameDiff graph() {
        return sd;
    }

    DataType type() {
        return type;
    }

    /** Parameters created from now on belong to {@code newPart}. */
    void enter(NetworkPart newPart) {
        this.part = newPart;
    }

    SDVariable weight(String name, long fanIn, long... shape) {
        return trained(name, shape, () -> init.weight(random, fanIn));
    }

    SDVariable bias(String name, long fanIn, long... shape) {
        return trained(name, shape, () -> init.bias(random, fanIn));
    }

    SDVariable constant(String name, double value, long... shape) {
        return trained(name, shape, () -> value);
    }

    /** A non-trained array (running statistics), filled with {@code value}. */
    SDVariable state(String name, double value, long... shape) {
        if (!sd.hasVariable(name)) {
            sd.var(name, Nd4j.valueArrayOf(shape, value, type));
            state.add(name);
        }
        return sd.getVariable(name);
    }

    /** Trainable parameter names in creation order, with the part each belongs to. */
    Map<String, NetworkPart> trainable() {
        return java.util.Collections.unmodifiableMap(trainable);
    }

    List<String> state() {
        return List.copyOf(state);
    }

    private SDVariable trained(String name, long[] shape, DoubleSupplier values) {
        if (!sd.hasVariable(name)) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            double[] data = new double[Math.toIntExact(n)];
            for (int i = 0; i < data.length; i++) {
                data[i] = values.getAsDouble();
            }
            sd.var(name, Nd4j.create(data, shape, 'c').castTo(type));
            trainable.put(name, part);
        }
        return sd.getVariable(name);
    }
}
