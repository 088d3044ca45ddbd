package dev.vad.eval;

/**
 * {@code reverse}: the stretch played backwards, so everything in it moves the wrong way. A stretch of odd length
 * plays the frames one later, so that its middle frame does not stay in place.
 */
final class Reversal implements PseudoAnomaly {

    @Override
    public String kind() {
        return "reverse";
    }

    @Override
    public PseudoClip apply(GreyFrames clip, GreyFrames donor, long seed) {
        Stretch stretch = Stretch.middleThird(clip.size());
        int last = stretch.length() % 2 == 0 ? stretch.end() - 1 : stretch.end();
        return PseudoClip.retimed(clip, stretch, k -> last - k);
    }
}
