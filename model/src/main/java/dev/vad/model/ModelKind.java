package dev.vad.model;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Model kinds by name, {@code conv1d} to {@code conv6d}: the number is the dimensionality of the model's view. */
public final class ModelKind {

    /** What a kind may be, for messages. */
    public static final String EXPECTED = "conv1d, conv2d, conv3d, conv4d, conv5d or conv6d";

    private static final Pattern KIND = Pattern.compile("conv([1-6])d");

    private ModelKind() {
    }

    /** The dimensionality a kind names, or empty when it names none. */
    public static OptionalInt dimensions(String kind) {
        Matcher m = KIND.matcher(kind);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
