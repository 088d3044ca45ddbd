package dev.vad.eval;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.core.events.EpisodeSettings;
import dev.vad.core.score.OfflineScorer;
import dev.vad.ingest.source.DecodedFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation on training data only: each held-out training clip made anomalous in each {@link PseudoAnomaly} way,
 * windowed and scored as a stream of its own exactly as the test clips are, and judged against the pseudo labels.
 */
final class PseudoValidation {

    private PseudoValidation() {
    }

    /**
     * Scores every held-out clip with every kind of pseudo-anomaly. A {@code patch} takes its patch from the next
     * held-out clip (from the first clip trained on when only one is held out).
     *
     * @param heldOut   the clips held out of training
     * @param trainedOn the clips trained on
     */
    static List<PseudoScores> score(List<Clip> heldOut, List<Clip> trainedOn, EvalSettings settings,
                                    OfflineScorer scorer, Evaluation.Progress progress) {
        if (heldOut.isEmpty()) {
            return List.of();
        }
        List<ClipFrames> decoded = heldOut.stream()
                .map(clip -> ClipFrames.decode(clip, settings.width(), settings.height())).toList();
        ClipFrames spare = heldOut.size() > 1 ? null
                : ClipFrames.decode(trainedOn.get(0), settings.width(), settings.height());
        int total = heldOut.size() * PseudoAnomaly.ALL.size();
        List<PseudoScores> out = new ArrayList<>(total);
        for (int c = 0; c < heldOut.size(); c++) {
            Clip clip = heldOut.get(c);
            ClipFrames frames = decoded.get(c);
            ClipFrames donor = spare != null ? spare : decoded.get((c + 1) % decoded.size());
            for (int k = 0; k < PseudoAnomaly.ALL.size(); k++) {
                PseudoAnomaly kind = PseudoAnomaly.ALL.get(k);
                long seed = settings.fit().seed() ^ 0x9E3779B97F4A7C15L * (1 + (long) c * PseudoAnomaly.ALL.size() + k);
                PseudoClip pseudo = kind.apply(grey(frames, settings), grey(donor, settings), seed);
                String name = clip.name() + "-" + kind.kind();
                List<FrameWindow> windows = ClipWindows.of(frames.withPixels(name, pseudo.frames()),
                        settings.width(), settings.height(), settings.windowFrames(), settings.scoreStride());
                List<ScoreRecord> records = scorer.score(windows, 0);
                Clip labelled = new Clip(name, clip.folder(), clip.frames(), labels(clip, frames, pseudo));
                out.add(new PseudoScores(clip.name(), kind.kind(), Evaluation.clipScores(labelled, records)));
                progress.validated(name, out.size(), total);
            }
        }
        return out;
    }

    /**
     * The report's validation figures; null when no clip was held out.
     *
     * @param leadFrames frames at the start of each clip the scorer does not score (a predicting model's context)
     * @param episodes   the scorer's episode settings
     */
    static EvalReport.Validation report(List<Clip> heldOut, List<PseudoScores> scores, int leadFrames,
                                        EpisodeSettings episodes) {
        if (heldOut.isEmpty()) {
            return null;
        }
        List<ClipScores> all = scores.stream().map(PseudoScores::scores).toList();
        Map<String, EvalReport.KindResult> kinds = new LinkedHashMap<>();
        for (PseudoAnomaly kind : PseudoAnomaly.ALL) {
            List<ClipScores> ofKind = scores.stream().filter(s -> s.kind().equals(kind.kind()))
                    .map(PseudoScores::scores).toList();
            kinds.put(kind.kind(), new EvalReport.KindResult(ofKind.stream().mapToInt(s -> s.raw().length).sum(),
                    ofKind.stream().mapToLong(s -> s.clip().anomalousFrames()).sum(),
                    EvalReport.auc(Evaluation.roc(ofKind, true)), EvalReport.auc(Evaluation.roc(ofKind, false))));
        }
        return new EvalReport.Validation(heldOut.stream().map(Clip::name).toList(),
                EvalReport.auc(Evaluation.roc(all, true)), EvalReport.auc(Evaluation.roc(all, false)), kinds,
                ThresholdFigures.of(scores, leadFrames, episodes));
    }

    private static GreyFrames grey(ClipFrames frames, EvalSettings settings) {
        return new GreyFrames(settings.width(), settings.height(), frames.pixels());
    }

    /** The pseudo clip's labels by the clip's frame index (a frame that failed to decode stays normal). */
    private static List<Boolean> labels(Clip clip, ClipFrames frames, PseudoClip pseudo) {
        Boolean[] labels = new Boolean[clip.frames().size()];
        Arrays.fill(labels, false);
        for (int i = 0; i < frames.frames().size(); i++) {
            DecodedFrame frame = frames.frames().get(i);
            if (frame.position() < labels.length) {
                labels[(int) frame.position()] = pseudo.labels()[i];
            }
        }
        return List.of(labels);
    }
}
