package dev.vad.scorer;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.FrameScore;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.ScoreState;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.score.FrameErrors;
import dev.vad.scorer.events.EpisodeTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores batches of windows with one model version. Per scored frame (every frame of a window for an autoencoder,
 * the frames after the context for a predicting model): the mean squared reconstruction error and the error
 * of its worst patch, each calibrated causally against the stream's history ({@link StreamState}); the frame's
 * calibrated score is the larger of the two (averaged over the stream's last frames when smoothing is set), so a
 * small object and a frame-wide change both stand out. With the scene-change guard on, a high frame whose error
 * is spread over the whole frame (mean at least a set share of the worst patch) is a scene change, tracked as its
 * own kind of episode rather than as an anomaly. Pure apart from the network; not thread-safe.
 */
final class WindowScorer {

    private final ScorerSettings settings;
    private final Map<String, StreamState> streams;

    WindowScorer(ScorerSettings settings) {
        this(settings, stream -> { });
    }

    /**
     * @param forgotten told of each stream dropped beyond {@code --max-streams} (least recently seen first)
     */
    WindowScorer(ScorerSettings settings, Consumer<String> forgotten) {
        this.settings = settings;
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StreamState> eldest) {
                boolean drop = size() > settings.maxStreams();
                if (drop) {
                    forgotten.accept(eldest.getKey());
                }
                return drop;
            }
        };
    }

    /**
     * Scores windows of the shape {@code model} takes, in order, in reconstruction calls of at most
     * {@link WindowModel#maxWindowsPerCall()} windows.
     */
    List<ScoredWindow> score(ActiveModel model, List<FrameWindow> windows, long nowMicros) {
        List<ScoredWindow> out = new ArrayList<>(windows.size());
        int perCall = model.model().maxWindowsPerCall();
        for (int from = 0; from < windows.size(); from += perCall) {
            List<FrameWindow> call = windows.subList(from, Math.min(windows.size(), from + perCall));
            try (WindowModel.Reconstructed reconstructed = model.model().reconstruct(call)) {
                for (int i = 0; i < call.size(); i++) {
                    out.add(scoreOne(model, call.get(i), reconstructed, i, nowMicros));
                }
            }
        }
        return out;
    }

    /** Streams tracked now. */
    int streams() {
        return streams.size();
    }

    private ScoredWindow scoreOne(ActiveModel model, FrameWindow w, WindowModel.Reconstructed r, int index,
                                  long nowMicros) {
        StreamState stream = streams.computeIfAbsent(w.streamId(),
                id -> new StreamState(id, settings.calibration(), settings.episodes()));
        stream.use(model);
        EpisodeTracker.ModelRef ref = model.ref();
        FrameErrors.FrameError[] errors = r.frameErrors(index);
        int first = model.model().firstScoredFrame();
        List<FrameScore> frames = new ArrayList<>(errors.length);
        List<AnomalyEvent> events = new ArrayList<>();
        double windowScore = Double.NEGATIVE_INFINITY;
        double windowCalibrated = Double.NEGATIVE_INFINITY;
        boolean anomalous = false;
        boolean sceneChange = false;
        for (int f = 0; f < errors.length; f++) {
            double mean = errors[f].mean();
            double patch = errors[f].worstPatch();
            double zMean = stream.meanCalibrator().calibrate(mean);
            double zPatch = stream.patchCalibrator().calibrate(patch);
            double calibrated = stream.smoothed(Math.max(zMean, zPatch));
            boolean high = calibrated >= settings.calibration().threshold();
            boolean global = settings.sceneChangeGuard() && high
                    && zMean >= settings.calibration().threshold()
                    && mean >= settings.sceneChangeShare() * patch;
            long frame = w.frameIndices()[first + f];
            long capture = w.captureTimesMicros()[first + f];
            stream.anomalies().accept(frame, capture, global ? 0 : calibrated, ref, nowMicros).ifPresent(events::add);
            stream.sceneChanges().accept(frame, capture, global ? calibrated : 0, ref, nowMicros)
                    .ifPresent(events::add);
            frames.add(new FrameScore(frame, capture, mean, patch, patch, calibrated));
            windowScore = Math.max(windowScore, patch);
            windowCalibrated = Math.max(windowCalibrated, calibrated);
            anomalous |= high && !global;
            sceneChange |= global;
        }
        ScoreState state = anomalous ? ScoreState.ANOMALOUS : sceneChange ? ScoreState.SCENE_CHANGE
                : ScoreState.NORMAL;
        ScoreRecord score = new ScoreRecord(ScoreRecord.SCHEMA_VERSION, w.streamId(), w.sequence(),
                ref.name(), ref.version(), w.timestampKind(), frames, windowScore, windowCalibrated,
                settings.calibration().threshold(), state, nowMicros);
        long n = stream.nextWindow();
        Reconstruction reconstruction = settings.reconstructionEvery() > 0 && n % settings.reconstructionEvery() == 0
                ? new Reconstruction(w.streamId(), w.sequence(), w.frameIndices(), ref.name(), ref.version(),
                        w.width(), w.height(), w.pixelFormat(), r.pixels(index), r.errorMap(index))
                : null;
        return new ScoredWindow(w, score, reconstruction, events);
    }
}
