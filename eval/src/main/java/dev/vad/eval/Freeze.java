package dev.vad.eval;

/** {@code freeze}: the frame before the stretch held through it, so the scene stops and then jumps on. */
final class Freeze implements PseudoAnomaly {

    @Override
    public String kind() {
        return "freeze";
    }

    @Override
    public PseudoClip apply(GreyFrames clip, GreyFrames donor, long seed) {
        Stretch stretch = Stretch.middleThird(clip.size());
        return PseudoClip.retimed(clip, stretch, k -> stretch.start() - 1);
    }
}
