package dev.vad.cli;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.ingest.synthetic.InjectedAnomaly;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Detected anomaly episodes against the injected ones of the synthetic scene: which injected anomaly opened an
 * episode, how many frames after it began, and which episodes matched nothing. Pure.
 *
 * @param matches     one per injected anomaly that was fully scored, in frame order
 * @param falseAlarms episodes that overlap no injected anomaly
 */
record DetectionReport(List<Match> matches, List<Episode> falseAlarms) {

    /**
     * Lines episodes up with injected anomalies.
     *
     * @param events      every event record seen (start, update, end); the latest per episode counts
     * @param scoredUntil last frame scored: anomalies not over by then are left out
     */
    static DetectionReport of(List<InjectedAnomaly> injected, Collection<AnomalyEvent> events, long scoredUntil) {
        Map<String, Episode> episodes = new LinkedHashMap<>();
        for (AnomalyEvent e : events) {
            episodes.put(e.eventId(), new Episode(e.kind(), e.firstFrameIndex(), e.lastFrameIndex()));
        }
        List<Match> matches = new ArrayList<>();
        List<Episode> unmatched = new ArrayList<>(episodes.values());
        for (InjectedAnomaly a : injected) {
            if (a.lastFrame() > scoredUntil) {
                continue;
            }
            Episode first = null;
            for (Episode e : episodes.values()) {
                if (e.firstFrame() <= a.lastFrame() && e.lastFrame() >= a.firstFrame()
                        && (first == null || e.firstFrame() < first.firstFrame())) {
                    first = e;
                }
            }
            episodes.values().stream().filter(e -> e.firstFrame() <= a.lastFrame() && e.lastFrame() >= a.firstFrame())
                    .forEach(unmatched::remove);
            matches.add(new Match(a, first));
        }
        unmatched.removeIf(e -> e.firstFrame() > scoredUntil);
        return new DetectionReport(matches, unmatched);
    }

    long detected() {
        return matches.stream().filter(Match::detected).count();
    }

    /** A few lines for people: detected vs injected, each anomaly's delay, false alarms. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "detected %d of %d injected anomalies, %d false alarm%s", detected(),
                matches.size(), falseAlarms.size(), falseAlarms.size() == 1 ? "" : "s"));
        for (Match m : matches) {
            InjectedAnomaly a = m.injected();
            String what = a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            out.add(String.format(Locale.ROOT, "  frames %d-%d %-15s %s", a.firstFrame(), a.lastFrame(), what,
                    m.detected() ? (m.delayFrames() <= 0 ? "detected from its first frame"
                            : "detected after " + m.delayFrames() + " frames")
                            + (m.episode().kind() == AnomalyEvent.Kind.SCENE_CHANGE ? " (as a scene change)" : "")
                            : "missed"));
        }
        return out;
    }

    /** An episode as far as it is known: its kind and frame range. */
    record Episode(AnomalyEvent.Kind kind, long firstFrame, long lastFrame) {
    }

    /** An injected anomaly and the first episode that overlaps it, or null. */
    record Match(InjectedAnomaly injected, Episode episode) {

        boolean detected() {
            return episode != null;
        }

        /** Frames from the anomaly's start to the episode's (negative when the episode began earlier). */
        long delayFrames() {
            return episode.firstFrame() - injected.firstFrame();
        }
    }
}
