package dev.vad.core.events;

/**
 * Hysteresis of anomaly episodes.
 *
 * @param highMark    calibrated score that starts counting towards an episode
 * @param enterFrames consecutive frames at or above the high mark that open an episode
 * @param lowMark     calibrated score below which frames count towards closing it
 * @param exitFrames  consecutive frames below the low mark that close it
 * @param updateEvery frames between update records of an open episode
 */
public record EpisodeSettings(double highMark, int enterFrames, double lowMark, int exitFrames, int updateEvery) {

    public static final EpisodeSettings DEFAULT = new EpisodeSettings(3.0, 3, 1.5, 10, 25);

    public EpisodeSettings {
        if (!(lowMark <= highMark) || enterFrames < 1 || exitFrames < 1 || updateEvery < 1) {
            throw new IllegalArgumentException("episodes need lowMark <= highMark and counts >= 1, found low "
                    + lowMark + ", high " + highMark + ", enter " + enterFrames + ", exit " + exitFrames
                    + ", update every " + updateEvery);
        }
    }
}
