package dev.vad.scorer.viewer;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.MaskPoint;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.core.score.IgnoreMask;
import dev.vad.core.score.StreamRule;
import dev.vad.scorer.ScoreObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the live viewer shows, per stream: the score of every window over the last minutes, and the latest window
 * with a reconstruction (its last frame, the reconstruction of that frame and its error map). Bounded: points
 * older than the history are dropped, at most {@code maxPoints} per stream, and beyond {@code maxStreams} the
 * stream seen least recently is forgotten. Thread-safe: the scorer writes, the viewer's HTTP threads read.
 */
public final class ViewerState implements ScoreObserver {

    /** The score of one window. */
    public record Point(long seq, long frameIndex, long timeMillis, double score, double calibrated,
                        double threshold, String state) {
    }

    /**
     * The last frame of a reconstructed window, its reconstruction, squared error per pixel, and the pixels its
     * camera's ignore masks cover (null for none), which the page shows dimmed.
     */
    public record Snapshot(long seq, long frameIndex, int width, int height, PixelFormat format, byte[] frame,
                           byte[] reconstruction, float[] error, boolean[] ignored) {
    }

    /** A stream as the page first draws it. */
    public record StreamView(String stream, String model, long modelVersion, Snapshot snapshot, List<Point> points) {
    }

    private final Duration history;
    private final int maxPoints;
    private final Clock clock;
    private final Map<String, Track> streams;
    private Map<String, List<List<MaskPoint>>> masks = Map.of();
    /** The pixels each masked stream's masks cover, by stream and frame size, worked out once. */
    private final Map<String, boolean[]> maskPixels = new HashMap<>();

    public ViewerState(Duration history, int maxPoints, int maxStreams, Clock clock) {
        this.history = history;
        this.clock = clock;
        this.maxPoints = maxPoints;
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Track> eldest) {
                return size() > maxStreams;
            }
        };
    }

    /** A viewer state for a scorer's settings: its history, its stream cap, 20,000 points per stream. */
    public static ViewerState of(ViewerSettings viewer, int maxStreams, Clock clock) {
        return new ViewerState(viewer.history(), 20_000, maxStreams, clock);
    }

    /** Records a scored window; {@code reconstruction} is null for windows whose reconstruction was not kept. */
    @Override
    public synchronized void scored(FrameWindow window, ScoreRecord score, Reconstruction reconstruction) {
        long nowMillis = clock.millis();
        Track track = streams.computeIfAbsent(window.streamId(), id -> new Track());
        track.model = score.modelName();
        track.modelVersion = score.modelVersion();
        track.points.addLast(new Point(window.sequence(), window.lastFrameIndex(), nowMillis, score.windowScore(),
                score.calibratedScore(), score.threshold(), score.state().name().toLowerCase(Locale.ROOT)));
        long oldest = nowMillis - history.toMillis();
        while (!track.points.isEmpty()
                && (track.points.size() > maxPoints || track.points.peekFirst().timeMillis() < oldest)) {
            track.points.removeFirst();
        }
        if (reconstruction != null) {
            track.snapshot = snapshot(window, reconstruction, ignored(window));
        }
    }

    public synchronized List<StreamView> streams() {
        List<StreamView> views = new ArrayList<>();
        streams.forEach((id, t) -> views.add(new StreamView(id, t.model, t.modelVersion, t.snapshot,
                List.copyOf(t.points))));
        views.sort((a, b) -> a.stream().compareTo(b.stream()));
        return views;
    }

    /** Keeps each camera's ignore masks, to dim them in the stream's next snapshots. */
    @Override
    public synchronized void cameras(Map<String, StreamRule> byStream) {
        Map<String, List<List<MaskPoint>>> next = new HashMap<>();
        byStream.forEach((stream, rule) -> {
            if (!rule.ignoreMasks().isEmpty()) {
                next.put(stream, rule.ignoreMasks());
            }
        });
        masks = next;
        maskPixels.clear();
    }

    /** The pixels of the window's frames its camera's masks cover, or null for none. */
    private boolean[] ignored(FrameWindow window) {
        List<List<MaskPoint>> polygons = masks.get(window.streamId());
        return polygons == null ? null : maskPixels.computeIfAbsent(window.streamId() + "@" + window.width() + "x"
                + window.height(), key -> IgnoreMask.pixels(polygons, window.width(), window.height()));
    }

    /** Every stream without its points (cheap: what the event stream checks four times a second). */
    public synchronized List<StreamView> heads() {
        List<StreamView> views = new ArrayList<>();
        streams.forEach((id, t) -> views.add(new StreamView(id, t.model, t.modelVersion, t.snapshot, List.of())));
        return views;
    }

    /** The stream's points after window {@code seq} (all of them for -1), oldest first. */
    public synchronized List<Point> pointsAfter(String stream, long seq) {
        Track track = streams.get(stream);
        if (track == null) {
            return List.of();
        }
        List<Point> newer = new ArrayList<>();
        for (Iterator<Point> it = track.points.descendingIterator(); it.hasNext(); ) {
            Point p = it.next();
            if (p.seq() <= seq) {
                break;
            }
            newer.add(p);
        }
        java.util.Collections.reverse(newer);
        return newer;
    }

    public synchronized Optional<Snapshot> snapshot(String stream) {
        Track track = streams.get(stream);
        return track == null ? Optional.empty() : Optional.ofNullable(track.snapshot);
    }

    private static Snapshot snapshot(FrameWindow window, Reconstruction reconstruction, boolean[] ignored) {
        int frameBytes = window.frameBytes();
        int last = window.frameCount() - 1;
        int pixels = window.width() * window.height();
        return new Snapshot(window.sequence(), window.lastFrameIndex(), window.width(), window.height(),
                window.pixelFormat(),
                Arrays.copyOfRange(window.pixels(), last * frameBytes, (last + 1) * frameBytes),
                Arrays.copyOfRange(reconstruction.pixels(), last * frameBytes, (last + 1) * frameBytes),
                Arrays.copyOfRange(reconstruction.errorMap(), last * pixels, (last + 1) * pixels), ignored);
    }

    private static final class Track {
        final ArrayDeque<Point> points = new ArrayDeque<>();
        String model = "";
        long modelVersion;
        Snapshot snapshot;
    }
}
