package dev.vad.eval;

import java.util.List;

/**
 * A way to make a normal clip anomalous without labelled data: a pure function of a clip's grey frames that
 * changes its middle third ({@link Stretch#middleThird}) and leaves every other frame byte for byte as it was.
 */
interface PseudoAnomaly {

    /** Every kind, in the order reports list them. */
    List<PseudoAnomaly> ALL = List.of(new SpeedUp(), new Reversal(), new Freeze(), new MovingPatch(),
            new LightPatch());

    /** The kind's name in reports ({@code skip}, {@code reverse}, ...). */
    String kind();

    /**
     * @param clip  the normal clip (at least {@link Stretch#MIN_FRAMES} frames)
     * @param donor frames of another clip of the same size, for kinds that take content from elsewhere
     * @param seed  the only source of randomness
     */
    PseudoClip apply(GreyFrames clip, GreyFrames donor, long seed);
}
