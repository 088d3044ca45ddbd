package dev.vad.eval;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.core.events.EpisodeSettings;
import dev.vad.core.events.EpisodeTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scorer's anomaly episodes over a stream's frame scores: its own {@link EpisodeTracker} fed every scored frame in
 * order, as the live scorer feeds it (the scene-change guard aside: every frame's score counts towards anomalies).
 */
final class EpisodeReplay {

    private static final EpisodeTracker.ModelRef MODEL = new EpisodeTracker.ModelRef("eval", 1);

    private EpisodeReplay() {
    }

    /** The episodes of {@code stream}, in order; one still open at the stream's end is included. */
    static List<Episode> of(ClipStream stream, EpisodeSettings settings) {
        // An update record on every open frame carries the episode's last frame so far; updates change nothing else.
        EpisodeSettings everyFrame = new EpisodeSettings(settings.highMark(), settings.enterFrames(),
                settings.lowMark(), settings.exitFrames(), 1);
        EpisodeTracker tracker = new EpisodeTracker("eval", AnomalyEvent.Kind.ANOMALY, everyFrame);
        List<Episode> episodes = new ArrayList<>();
        for (int f = 0; f < stream.frames(); f++) {
            if (!stream.scored()[f]) {
                continue;
            }
            long micros = Math.round(f * 1e6 / stream.fps());
            Optional<AnomalyEvent> record = tracker.accept(f, micros, stream.scores()[f], MODEL, micros);
            if (record.isEmpty()) {
                continue;
            }
            AnomalyEvent event = record.get();
            int last = (int) event.lastFrameIndex();
            if (event.phase() == AnomalyEvent.Phase.START) {
                episodes.add(new Episode((int) event.firstFrameIndex(), f, last));
            } else {
                Episode open = episodes.remove(episodes.size() - 1);
                episodes.add(new Episode(open.first(), open.announced(), last));
            }
        }
        return episodes;
    }

    /**
     * One anomaly episode, in stream frames.
     *
     * @param first     its first frame (the first of the frames that opened it)
     * @param announced the frame whose score made the scorer emit its start record
     * @param last      its last frame at or above the high mark
     */
    record Episode(int first, int announced, int last) {
    }
}
