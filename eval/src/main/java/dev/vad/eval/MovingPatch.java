package dev.vad.eval;

import java.util.SplittableRandom;

/**
 * {@code patch}: a square cut from a frame of another clip, a sixth of the frame's height on a side, slides across
 * the scene at one height through the stretch (from one side to the other, a few pixels a frame), like an object
 * that does not belong there. Of {@link #CANDIDATES} seeded cuts the one that stands out most is taken: the most
 * texture plus the furthest mean brightness from the clip's.
 */
final class MovingPatch implements PseudoAnomaly {

    static final int CANDIDATES = 16;

    @Override
    public String kind() {
        return "patch";
    }

    @Override
    public PseudoClip apply(GreyFrames clip, GreyFrames donor, long seed) {
        if (donor.width() != clip.width() || donor.height() != clip.height() || donor.size() == 0) {
            throw new IllegalArgumentException("the donor's frames are " + donor.width() + " x " + donor.height()
                    + " (" + donor.size() + " frames); expected frames of the clip's " + clip.width() + " x "
                    + clip.height());
        }
        Stretch stretch = Stretch.middleThird(clip.size());
        int side = Math.max(2, Math.min(clip.width(), clip.height() / 6));
        SplittableRandom random = new SplittableRandom(seed);
        byte[] patch = cut(clip, donor, side, random);
        int row = random.nextInt(clip.height() - side + 1);
        boolean leftward = random.nextBoolean();
        int travel = clip.width() - side;
        return PseudoClip.painted(clip, stretch, (frame, k) -> {
            int step = stretch.length() == 1 ? 0 : (int) Math.round((double) k * travel / (stretch.length() - 1));
            int column = leftward ? travel - step : step;
            for (int y = 0; y < side; y++) {
                System.arraycopy(patch, y * side, frame, (row + y) * clip.width() + column, side);
            }
        });
    }

    private static byte[] cut(GreyFrames clip, GreyFrames donor, int side, SplittableRandom random) {
        double sceneMean = mean(clip.frame(Stretch.middleThird(clip.size()).start()));
        byte[] best = null;
        double bestScore = -1;
        for (int c = 0; c < CANDIDATES; c++) {
            byte[] from = donor.frame(random.nextInt(donor.size()));
            int x = random.nextInt(clip.width() - side + 1);
            int y = random.nextInt(clip.height() - side + 1);
            byte[] patch = new byte[side * side];
            for (int row = 0; row < side; row++) {
                System.arraycopy(from, (y + row) * clip.width() + x, patch, row * side, side);
            }
            double mean = mean(patch);
            double variance = 0;
            for (byte b : patch) {
                variance += Math.pow((b & 0xff) - mean, 2);
            }
            double score = Math.sqrt(variance / patch.length) + Math.abs(mean - sceneMean);
            if (score > bestScore) {
                best = patch;
                bestScore = score;
            }
        }
        return best;
    }

    private static double mean(byte[] pixels) {
        long sum = 0;
        for (byte b : pixels) {
            sum += b & 0xff;
        }
        return (double) sum / pixels.length;
    }
}
