package dev.vad.eval;

import java.util.SplittableRandom;

/**
 * {@code light}: a seeded rectangle a quarter of the frame on each side brightened by {@link #BRIGHTEN} grey levels
 * and given a fresh seeded noise texture (up to {@link #NOISE} levels either way) in each frame of the stretch, like
 * a flickering light or a reflection where there was none.
 */
final class LightPatch implements PseudoAnomaly {

    static final int BRIGHTEN = 60;
    static final int NOISE = 24;

    @Override
    public String kind() {
        return "light";
    }

    @Override
    public PseudoClip apply(GreyFrames clip, GreyFrames donor, long seed) {
        Stretch stretch = Stretch.middleThird(clip.size());
        SplittableRandom random = new SplittableRandom(seed);
        int width = Math.max(2, clip.width() / 4);
        int height = Math.max(2, clip.height() / 4);
        int left = random.nextInt(clip.width() - width + 1);
        int top = random.nextInt(clip.height() - height + 1);
        return PseudoClip.painted(clip, stretch, (frame, k) -> {
            for (int y = top; y < top + height; y++) {
                for (int x = left; x < left + width; x++) {
                    int at = y * clip.width() + x;
                    int value = (frame[at] & 0xff) + BRIGHTEN + random.nextInt(-NOISE, NOISE + 1);
                    frame[at] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        });
    }
}
