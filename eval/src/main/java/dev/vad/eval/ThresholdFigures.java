package dev.vad.eval;

import dev.vad.core.events.EpisodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The validation's alarms at one threshold, as written to {@code report.json} (snake_case): each pseudo-anomalous
 * clip scored as a stream of its own, the scorer's episodes over its online scores with the low mark at half the
 * threshold and the other episode settings as configured, and the episodes an hour normal video would open,
 * projected from the held-out clips' normal frames ({@link FalseAlarmProjection}).
 *
 * @param threshold                   the calibrated score that opens and extends an episode
 * @param stretches                   pseudo-anomalous stretches
 * @param caught                      stretches an episode overlaps
 * @param falseAlarmEpisodes          episodes that overlap no stretch
 * @param projectedFalseAlarmsPerHour at most this many false alarms an hour of normal video, projected; null when
 *                                    the normal frames are too few to fit the tail
 */
public record ThresholdFigures(double threshold, int stretches, int caught, int falseAlarmEpisodes,
                               Double projectedFalseAlarmsPerHour) {

    /** Thresholds every validation reports, beside the one in force. */
    static final List<Double> SWEEP = List.of(2.5, 3.0, 3.5, 4.0, 5.0, 6.0);

    /**
     * The figures at each threshold of {@link #SWEEP} and at {@code settings}' own, in rising order.
     *
     * @param leadFrames frames at the start of each clip the scorer does not score (a predicting model's context)
     */
    static List<ThresholdFigures> of(List<PseudoScores> scores, int leadFrames, EpisodeSettings settings) {
        List<ClipStream> streams = scores.stream()
                .map(s -> ClipStream.of(List.of(s.scores()), leadFrames, Clip.FOLDER_FPS)).toList();
        Optional<FalseAlarmProjection> projection = FalseAlarmProjection.of(streams, settings.enterFrames(),
                settings.exitFrames());
        TreeSet<Double> thresholds = new TreeSet<>(SWEEP);
        thresholds.add(settings.highMark());
        List<ThresholdFigures> figures = new ArrayList<>();
        for (double threshold : thresholds) {
            EpisodeSettings at = new EpisodeSettings(threshold, settings.enterFrames(), threshold / 2,
                    settings.exitFrames(), settings.updateEvery());
            int stretches = 0;
            int caught = 0;
            int falseAlarms = 0;
            for (ClipStream stream : streams) {
                EventFigures events = EventFigures.of(stream, at);
                stretches += events.intervals();
                caught += events.caught();
                falseAlarms += events.falseAlarmEpisodes();
            }
            figures.add(new ThresholdFigures(threshold, stretches, caught, falseAlarms,
                    projection.map(p -> p.episodesPerHour(threshold, Clip.FOLDER_FPS)).orElse(null)));
        }
        return figures;
    }
}
