package dev.vad.eval;

import dev.vad.common.wire.FrameScore;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.core.score.OfflineScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The test clips scored as one live stream would be: each clip's windows re-labelled as stream {@value #STREAM_ID},
 * window sequence, frame indices and capture times continuing from the clip before, and scored in order by one
 * {@link OfflineScorer}, whose state for the stream (calibration history, smoothing, episodes) then carries over
 * from clip to clip. The windows stay the clips' own (none spans two clips), and one frame number is skipped between
 * two clips, so a predicting model takes each clip's first frames as context, as after a gap in a live stream,
 * instead of predicting them across the cut. Clips must be given in playing order.
 */
final class OneStreamScoring {

    static final String STREAM_ID = "live";

    private final Function<List<FrameWindow>, List<ScoreRecord>> scorer;
    private long frames;
    private long windows;

    /** @param scorer scores windows in order, keeping each stream's state between calls (an OfflineScorer) */
    OneStreamScoring(Function<List<FrameWindow>, List<ScoreRecord>> scorer) {
        this.scorer = scorer;
    }

    /** Scores the next clip's windows as the stream's continuation; frame scores come back as the clip's. */
    ClipScores next(Clip clip, List<FrameWindow> clipWindows) {
        long offset = frames;
        long micros = Math.round(offset * 1e6 / Clip.FOLDER_FPS);
        List<FrameWindow> relabelled = new ArrayList<>(clipWindows.size());
        for (FrameWindow w : clipWindows) {
            relabelled.add(new FrameWindow(STREAM_ID, windows++, shifted(w.frameIndices(), offset),
                    shifted(w.captureTimesMicros(), micros), w.timestampKind(), w.framesLostBefore(), false,
                    w.width(), w.height(), w.pixelFormat(), w.pixels()));
        }
        List<ScoreRecord> records = new ArrayList<>();
        for (ScoreRecord r : scorer.apply(relabelled)) {
            List<FrameScore> own = r.frames().stream().map(f -> new FrameScore(f.frameIndex() - offset,
                    f.captureTimeMicros() - micros, f.meanError(), f.patchError(), f.score(), f.calibratedScore()))
                    .toList();
            records.add(new ScoreRecord(r.schemaVersion(), clip.name(), r.sequence(), r.modelName(),
                    r.modelVersion(), r.timestampKind(), own, r.windowScore(), r.calibratedScore(), r.threshold(),
                    r.state(), r.scoredAtMicros()));
        }
        frames += clip.frames().size() + 1;
        return Evaluation.clipScores(clip, records);
    }

    private static long[] shifted(long[] values, long by) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] + by;
        }
        return out;
    }
}
