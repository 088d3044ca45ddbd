package dev.vad.eval;

/**
 * {@code skip}: the stretch runs {@link #FACTOR} times too fast, frame {@code k} of it showing the clip's frame
 * {@code start + FACTOR (k + 1)} (past the clip's last frame, wrapping round to its first), so motion jumps ahead.
 */
final class SpeedUp implements PseudoAnomaly {

    static final int FACTOR = 3;

    @Override
    public String kind() {
        return "skip";
    }

    @Override
    public PseudoClip apply(GreyFrames clip, GreyFrames donor, long seed) {
        Stretch stretch = Stretch.middleThird(clip.size());
        return PseudoClip.retimed(clip, stretch, k -> {
            int source = (stretch.start() + FACTOR * (k + 1)) % clip.size();
            return source == stretch.start() + k ? (source + 1) % clip.size() : source;
        });
    }
}
