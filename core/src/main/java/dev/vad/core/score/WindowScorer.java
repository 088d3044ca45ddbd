package dev.vad.core.score;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.FrameScore;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.ScoreState;
import dev.vad.core.events.EpisodeTracker;
import dev.vad.model.fit.WindowModel;
import dev.vad.model.score.FrameErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores batches of windows with one model version. Per scored frame (every frame of a window for an autoencoder;
 * for a predicting model every frame of a stream after its first context frames, once, whatever the windows'
 * stride): the mean squared reconstruction error and the error
 * of its worst patch, each calibrated causally against the stream's history ({@link StreamState}); the frame's
 * calibrated score is the larger of the two (averaged over the stream's last frames when smoothing is set), so a
 * small object and a frame-wide change both stand out. With the scene-change guard on, a high frame whose error
 * is spread over the whole frame (mean at least a set share of the worst patch) is a scene change, tracked as its
 * own kind of episode rather than as an anomaly. Pure apart from the network; not thread-safe.
 */
public final class WindowScorer {

    private final ScoringSettings settings;
    private final Map<String, StreamState> streams;
    private Map<String, StreamRule> rules = Map.of();

    public WindowScorer(ScoringSettings settings) {
        this(settings, stream -> { });
    }

    /**
     * @param forgotten told of each stream dropped beyond {@link ScoringSettings#maxStreams()} (least recently seen
     *                  first)
     */
    public WindowScorer(ScoringSettings settings, Consumer<String> forgotten) {
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
     * {@link WindowModel#maxWindowsPerCall()} network inputs. A predicting model scores every frame of a stream after
     * its first context frames once, whatever the windows' stride ({@link FrameContext}).
     */
    public List<ScoredWindow> score(ActiveModel model, List<FrameWindow> windows, long nowMicros) {
        List<ScoredWindow> out = new ArrayList<>(windows.size());
        int context = model.model().firstScoredFrame();
        int perCall = model.model().maxWindowsPerCall();
        List<Planned> call = new ArrayList<>();
        int inputs = 0;
        for (FrameWindow w : windows) {
            StreamState stream = streams.computeIfAbsent(w.streamId(),
                    id -> new StreamState(id, settings.calibration(), settings.episodes()));
            stream.follow(rules.getOrDefault(w.streamId(), StreamRule.NONE));
            Planned planned = new Planned(w, stream, stream.context().plan(w, context));
            if (!call.isEmpty() && inputs + planned.plan().tiles().size() > perCall) {
                scoreCall(model, call, nowMicros, out);
                call.clear();
                inputs = 0;
            }
            call.add(planned);
            inputs += planned.plan().tiles().size();
        }
        if (!call.isEmpty()) {
            scoreCall(model, call, nowMicros, out);
        }
        return out;
    }

    /**
     * What each stream's camera asks from now on (its threshold, its ignore masks), by stream id; a stream without
     * an entry is scored by the settings alone.
     */
    public void rules(Map<String, StreamRule> byStream) {
        rules = Map.copyOf(byStream);
    }

    /** Streams tracked now. */
    public int streams() {
        return streams.size();
    }

    /** A window with its stream and the network inputs that score it. */
    private record Planned(FrameWindow window, StreamState stream, FrameContext.Plan plan) {
    }

    private void scoreCall(ActiveModel model, List<Planned> call, long nowMicros, List<ScoredWindow> out) {
        List<FrameWindow> inputs = new ArrayList<>();
        call.forEach(p -> p.plan().tiles().forEach(tile -> inputs.add(tile.window())));
        try (WindowModel.Reconstructed reconstructed = model.model().reconstruct(inputs)) {
            int firstTile = 0;
            for (Planned planned : call) {
                out.add(scoreOne(model, planned, reconstructed, firstTile, nowMicros));
                firstTile += planned.plan().tiles().size();
            }
        }
    }

    /**
     * The frame errors of a window's scored frames, each from the last of its plan's tiles that predicts it, without
     * the pixels its camera ignores.
     */
    private static List<FrameErrors.FrameError> frameErrors(Planned planned, WindowModel.Reconstructed r,
                                                            int firstTile, int context, boolean[] ignored) {
        List<FrameErrors.FrameError> errors = new ArrayList<>();
        int length = planned.window().frameCount();
        int next = planned.plan().scoredFrom();
        List<FrameContext.Tile> tiles = planned.plan().tiles();
        for (int t = 0; t < tiles.size(); t++) {
            int offset = tiles.get(t).offset();
            FrameErrors.FrameError[] tileErrors = r.frameErrors(firstTile + t, ignored);
            int to = Math.min(length, offset + length);
            for (int at = Math.max(next, offset + context); at < to; at++) {
                errors.add(tileErrors[at - offset - context]);
            }
            next = Math.max(next, to);
        }
        return errors;
    }

    /** An error map as published and kept as evidence: zero where the camera's masks ignore the pixels. */
    private static float[] shownErrors(float[] errorMap, FrameWindow w, boolean[] ignored) {
        return ignored == null ? errorMap : FrameErrors.withoutIgnored(errorMap, w.width() * w.height(), ignored);
    }

    private ScoredWindow scoreOne(ActiveModel model, Planned planned, WindowModel.Reconstructed r, int firstTile,
                                  long nowMicros) {
        FrameWindow w = planned.window();
        StreamState stream = planned.stream();
        stream.use(model);
        EpisodeTracker.ModelRef ref = model.ref();
        boolean[] ignored = stream.ignored(w.width(), w.height());
        double threshold = stream.threshold();
        List<FrameErrors.FrameError> errors = frameErrors(planned, r, firstTile, model.model().firstScoredFrame(),
                ignored);
        int first = w.frameCount() - errors.size();
        int index = firstTile + planned.plan().tiles().size() - 1;
        List<FrameScore> frames = new ArrayList<>(errors.size());
        List<AnomalyEvent> events = new ArrayList<>();
        double windowScore = Double.NEGATIVE_INFINITY;
        double windowCalibrated = Double.NEGATIVE_INFINITY;
        boolean anomalous = false;
        boolean sceneChange = false;
        for (int f = 0; f < errors.size(); f++) {
            double mean = errors.get(f).mean();
            double patch = errors.get(f).worstPatch();
            double zMean = stream.meanCalibrator().calibrate(mean);
            double zPatch = stream.patchCalibrator().calibrate(patch);
            double calibrated = stream.smoothed(Math.max(zMean, zPatch));
            boolean high = calibrated >= threshold;
            boolean global = settings.sceneChangeGuard() && high
                    && zMean >= threshold
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
                threshold, state, nowMicros);
        long n = stream.nextWindow();
        boolean reconstructed = settings.reconstructionEvery() > 0 && n % settings.reconstructionEvery() == 0;
        boolean opened = settings.openingErrors() && events.stream().anyMatch(e ->
                e.phase() == AnomalyEvent.Phase.START && e.kind() == AnomalyEvent.Kind.ANOMALY);
        float[] errorMap = reconstructed || opened ? shownErrors(r.errorMap(index), w, ignored) : null;
        Reconstruction reconstruction = reconstructed
                ? new Reconstruction(w.streamId(), w.sequence(), w.frameIndices(), ref.name(), ref.version(),
                        w.width(), w.height(), w.pixelFormat(), r.pixels(index), errorMap)
                : null;
        return new ScoredWindow(w, score, reconstruction, events, opened ? new WindowErrors(errorMap,
                Math.max(first, model.model().firstScoredFrame()), model.model().patch()) : null);
    }
}
