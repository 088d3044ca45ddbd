package dev.vad.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;

/**
 * A clip made anomalous on purpose: its frames and, per frame, whether it is one of the changed ones.
 *
 * @param frames the new frames, as many as the original's; those outside the stretch are copies of the originals
 * @param labels per frame, true where the frame was changed
 */
record PseudoClip(List<byte[]> frames, boolean[] labels) {

    PseudoClip {
        frames = List.copyOf(frames);
        if (labels.length != frames.size()) {
            throw new IllegalArgumentException(frames.size() + " frames but " + labels.length + " labels");
        }
    }

    /** The clip with each frame {@code k} of the stretch replaced by the original frame {@code source(k)}. */
    static PseudoClip retimed(GreyFrames clip, Stretch stretch, IntUnaryOperator source) {
        return build(clip, stretch, (frame, at) -> {
            byte[] from = clip.frame(source.applyAsInt(at - stretch.start()));
            System.arraycopy(from, 0, frame, 0, frame.length);
        });
    }

    /** The clip with {@code paint} applied to a copy of each frame of the stretch (given the frame's offset in it). */
    static PseudoClip painted(GreyFrames clip, Stretch stretch, ObjIntConsumer<byte[]> paint) {
        return build(clip, stretch, (frame, at) -> paint.accept(frame, at - stretch.start()));
    }

    private static PseudoClip build(GreyFrames clip, Stretch stretch, ObjIntConsumer<byte[]> change) {
        List<byte[]> frames = new ArrayList<>(clip.size());
        boolean[] labels = new boolean[clip.size()];
        for (int i = 0; i < clip.size(); i++) {
            byte[] frame = clip.frame(i).clone();
            if (stretch.contains(i)) {
                change.accept(frame, i);
                labels[i] = true;
            }
            frames.add(frame);
        }
        return new PseudoClip(frames, labels);
    }

    /** How many frames are labelled anomalous. */
    int anomalousFrames() {
        int count = 0;
        for (boolean label : labels) {
            count += label ? 1 : 0;
        }
        return count;
    }
}
