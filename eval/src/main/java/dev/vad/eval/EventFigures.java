package dev.vad.eval;

import dev.vad.core.events.EpisodeSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * How a detector does as an alarm, as written to {@code report.json} (snake_case): the scorer's anomaly episodes over
 * the test clips played as one stream, matched against the labelled intervals (maximal runs of anomalous frames
 * within a clip). An interval is caught when an episode overlaps it: the episode starts at or before the interval's
 * last frame and its last frame at or above the threshold is at or after the interval's first. An episode that
 * overlaps no interval is a false alarm. Frames in the lists are the clip's, from 0.
 *
 * @param threshold           calibrated score at or above which frames open and extend an episode
 * @param lowMark             score below which frames count towards closing it
 * @param enterFrames         frames in a row at or above the threshold that open an episode
 * @param exitFrames          frames in a row below the low mark that close it
 * @param fps                 frame rate the seconds are computed with
 * @param intervals           labelled intervals
 * @param caught              intervals caught
 * @param detections          each caught interval with its detection delay: frames from its first frame to the frame
 *                            at which the episode's start record is emitted (0 when the episode was announced before
 *                            the interval began)
 * @param missed              the intervals no episode overlaps
 * @param medianDelayFrames   median detection delay of the caught intervals, null when none was caught
 * @param medianDelaySeconds  the same in seconds
 * @param worstDelayFrames    longest detection delay, null when none was caught
 * @param worstDelaySeconds   the same in seconds
 * @param episodes            anomaly episodes in all
 * @param falseAlarmEpisodes  episodes that overlap no labelled interval
 * @param normalHours         hours of unlabelled (normal) video
 * @param falseAlarmsPerHour  false alarm episodes per hour of normal video, null when there is none
 */
public record EventFigures(double threshold, double lowMark, int enterFrames, int exitFrames, double fps,
                           int intervals, int caught, List<Detection> detections, List<Interval> missed,
                           Double medianDelayFrames, Double medianDelaySeconds, Integer worstDelayFrames,
                           Double worstDelaySeconds, int episodes, int falseAlarmEpisodes, double normalHours,
                           Double falseAlarmsPerHour) {

    /**
     * The figures of test clips' online scores played one after another at {@link Clip#FOLDER_FPS}.
     *
     * @param leadFrames frames at the start of each clip the scorer does not score (a predicting model's context)
     */
    static EventFigures of(List<ClipScores> scores, int leadFrames, EpisodeSettings settings) {
        return of(ClipStream.of(scores, leadFrames, Clip.FOLDER_FPS), settings);
    }

    /** The figures of the scorer's episodes with {@code settings} over {@code stream}. */
    static EventFigures of(ClipStream stream, EpisodeSettings settings) {
        List<EpisodeReplay.Episode> episodes = EpisodeReplay.of(stream, settings);
        List<ClipStream.Span> runs = stream.labelledRuns();
        List<Detection> detections = new ArrayList<>();
        List<Interval> missed = new ArrayList<>();
        for (ClipStream.Span run : runs) {
            Interval interval = new Interval(stream.clipOf(run.first()), stream.clipFrame(run.first()),
                    stream.clipFrame(run.last()));
            EpisodeReplay.Episode first = episodes.stream()
                    .filter(e -> run.overlaps(e.first(), e.last())).findFirst().orElse(null);
            if (first == null) {
                missed.add(interval);
            } else {
                int delay = Math.max(0, first.announced() - run.first());
                detections.add(new Detection(interval.clip(), interval.firstFrame(), interval.lastFrame(), delay,
                        delay / stream.fps()));
            }
        }
        int falseAlarms = (int) episodes.stream()
                .filter(e -> runs.stream().noneMatch(run -> run.overlaps(e.first(), e.last()))).count();
        int[] delays = detections.stream().mapToInt(Detection::delayFrames).sorted().toArray();
        Double median = delays.length == 0 ? null
                : (delays[(delays.length - 1) / 2] + delays[delays.length / 2]) / 2.0;
        Integer worst = delays.length == 0 ? null : delays[delays.length - 1];
        double normalHours = stream.normalFrames() / stream.fps() / 3600;
        return new EventFigures(settings.highMark(), settings.lowMark(), settings.enterFrames(),
                settings.exitFrames(), stream.fps(), runs.size(), detections.size(), detections, missed, median,
                median == null ? null : median / stream.fps(), worst, worst == null ? null : worst / stream.fps(),
                episodes.size(), falseAlarms, normalHours, normalHours > 0 ? falseAlarms / normalHours : null);
    }

    /** A labelled interval: anomalous frames {@code firstFrame} to {@code lastFrame} of a clip. */
    public record Interval(String clip, int firstFrame, int lastFrame) {
    }

    /** A caught interval and how long after its first frame the operator heard of it. */
    public record Detection(String clip, int firstFrame, int lastFrame, int delayFrames, double delaySeconds) {
    }
}
