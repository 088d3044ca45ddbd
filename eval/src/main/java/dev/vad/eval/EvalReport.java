package dev.vad.eval;

import java.util.List;
import java.util.Map;

/**
 * What an evaluation found, as written to {@code report.json} (snake_case).
 *
 * @param dataset        dataset name
 * @param layout         how it was laid out on disk
 * @param model          the model evaluated: kind, preset, input, training figures
 * @param frameAucPaper  frame-level AUC, paper protocol: each clip's frame scores min-max normalised, pooled
 * @param frameAucOnline frame-level AUC, online protocol: the causal calibrated scores the scorer publishes, pooled
 * @param eer            equal error rate, paper protocol
 * @param eerOnline      equal error rate, online protocol
 * @param clips          per test clip: frames, anomalous frames and AUC (null where a clip has one class only)
 * @param trainSeconds   time spent decoding training clips and training
 * @param scoreSeconds   time spent decoding and scoring test clips
 * @param events         alarms: the scorer's anomaly episodes over the online scores above (each test clip scored as
 *                       its own stream, the clips played one after another), matched against the labelled intervals
 * @param oneStream      the test clips scored as one stream (the live protocol), or null where not run
 * @param validation     the figures on held-out training clips made anomalous; null when none are held out
 */
public record EvalReport(String dataset, String layout, Map<String, Object> model, double frameAucPaper,
                         double frameAucOnline, double eer, double eerOnline, List<ClipResult> clips,
                         double trainSeconds, double scoreSeconds, EventFigures events,
                         OneStreamFigures oneStream, Validation validation) {

    /** One test clip's outcome. */
    public record ClipResult(String clip, int frames, long anomalousFrames, Double auc, Double aucOnline) {
    }

    /**
     * Validation without test labels: every held-out training clip made anomalous in each way, scored as a stream
     * of its own, all pooled under both protocols.
     *
     * @param clips          the held-out training clips
     * @param frameAucPaper  frame-level AUC over every pseudo-anomalous clip, paper protocol
     * @param frameAucOnline the same, online protocol
     * @param kinds          the same per kind of pseudo-anomaly, in the order they are made
     * @param thresholds     the alarms on the pseudo-anomalous clips and the projected false alarms, by threshold
     */
    public record Validation(List<String> clips, Double frameAucPaper, Double frameAucOnline,
                             Map<String, KindResult> kinds, List<ThresholdFigures> thresholds) {
    }

    /** One kind of pseudo-anomaly's outcome over the held-out clips. */
    public record KindResult(int frames, long anomalousFrames, Double aucPaper, Double aucOnline) {
    }

    /** An area under a curve, or null where it is undefined (one class only). */
    static Double auc(RocCurve curve) {
        return Double.isNaN(curve.auc()) ? null : curve.auc();
    }
}
