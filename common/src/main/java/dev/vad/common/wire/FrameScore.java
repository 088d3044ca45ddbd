package dev.vad.common.wire;

/**
 * Scores of one frame of a window.
 *
 * @param frameIndex        stream frame index
 * @param captureTimeMicros capture time of the frame, as the window's timestamp kind says
 * @param meanError         mean squared reconstruction error over the frame's pixels
 * @param patchError        mean squared error of the frame's worst patch (catches small anomalies)
 * @param score             the raw anomaly score the model's calibration applies to
 * @param calibratedScore   the score calibrated causally for the stream (comparable to the threshold)
 */
public record FrameScore(long frameIndex, long captureTimeMicros, double meanError, double patchError,
                         double score, double calibratedScore) {
}
