package dev.vad.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test clips played one after another as one stream, as an operator would watch them. Frames are numbered along the
 * stream from 0.
 *
 * @param clips      the clips' names, in playing order
 * @param clipStarts the stream frame at which each clip starts (the first is 0)
 * @param scores     per stream frame, the online calibrated score the scorer publishes
 * @param scored     per stream frame, whether the scorer scored it (a predicting model's context frames at the start
 *                   of a clip are not; their score is not fed to the episodes)
 * @param labels     per stream frame, true when labelled anomalous
 * @param fps        frames per second of the video
 */
record ClipStream(List<String> clips, int[] clipStarts, double[] scores, boolean[] scored, boolean[] labels,
                  double fps) {

    ClipStream {
        clips = List.copyOf(clips);
        if (clipStarts.length != clips.size() || clips.isEmpty() || clipStarts[0] != 0) {
            throw new IllegalArgumentException("expected one start per clip, the first at frame 0, found "
                    + Arrays.toString(clipStarts) + " for " + clips.size() + " clips");
        }
        if (scored.length != scores.length || labels.length != scores.length) {
            throw new IllegalArgumentException("expected a score, a scored flag and a label per frame, found "
                    + scores.length + ", " + scored.length + " and " + labels.length);
        }
        for (int i = 1; i < clipStarts.length; i++) {
            if (clipStarts[i] < clipStarts[i - 1] || clipStarts[i] > scores.length) {
                throw new IllegalArgumentException("clip starts must rise within the stream's " + scores.length
                        + " frames, found " + Arrays.toString(clipStarts));
            }
        }
        if (!(fps > 0)) {
            throw new IllegalArgumentException("fps must be positive, found " + fps);
        }
    }

    /**
     * The clips' online scores in order.
     *
     * @param leadFrames frames at the start of each clip that the scorer does not score (a predicting model's
     *                   context; their score in {@link ClipScores} is a copy of the first scored frame's)
     */
    static ClipStream of(List<ClipScores> clipScores, int leadFrames, double fps) {
        int frames = clipScores.stream().mapToInt(s -> s.online().length).sum();
        double[] scores = new double[frames];
        boolean[] scored = new boolean[frames];
        boolean[] labels = new boolean[frames];
        List<String> names = new ArrayList<>();
        int[] starts = new int[clipScores.size()];
        int at = 0;
        for (int c = 0; c < clipScores.size(); c++) {
            ClipScores clip = clipScores.get(c);
            names.add(clip.clip().name());
            starts[c] = at;
            int length = clip.online().length;
            System.arraycopy(clip.online(), 0, scores, at, length);
            System.arraycopy(clip.labels(), 0, labels, at, length);
            Arrays.fill(scored, at + Math.min(leadFrames, length), at + length, true);
            at += length;
        }
        return new ClipStream(names, starts, scores, scored, labels, fps);
    }

    int frames() {
        return scores.length;
    }

    long normalFrames() {
        long normal = 0;
        for (boolean label : labels) {
            normal += label ? 0 : 1;
        }
        return normal;
    }

    /** Maximal runs of anomalous frames, each within one clip (a clip boundary ends a run). */
    List<Span> labelledRuns() {
        List<Span> runs = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) {
            int end = c + 1 < clips.size() ? clipStarts[c + 1] : frames();
            for (int f = clipStarts[c]; f < end; f++) {
                if (labels[f] && (f == clipStarts[c] || !labels[f - 1])) {
                    int last = f;
                    while (last + 1 < end && labels[last + 1]) {
                        last++;
                    }
                    runs.add(new Span(f, last));
                }
            }
        }
        return runs;
    }

    /** The name of the clip that stream frame {@code frame} belongs to. */
    String clipOf(int frame) {
        return clips.get(clipIndexOf(frame));
    }

    /** Stream frame {@code frame} as a frame of its clip, from 0. */
    int clipFrame(int frame) {
        return frame - clipStarts[clipIndexOf(frame)];
    }

    private int clipIndexOf(int frame) {
        int c = clipStarts.length - 1;
        while (c > 0 && clipStarts[c] > frame) {
            c--;
        }
        return c;
    }

    /** Stream frames {@code first} to {@code last}, both included. */
    record Span(int first, int last) {

        boolean overlaps(int from, int to) {
            return from <= last && to >= first;
        }
    }
}
