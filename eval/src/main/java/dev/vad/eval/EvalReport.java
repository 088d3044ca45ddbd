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
 */
public record EvalReport(String dataset, String layout, Map<String, Object> model, double frameAucPaper,
                         double frameAucOnline, double eer, double eerOnline, List<ClipResult> clips,
                         double trainSeconds, double scoreSeconds, EventFigures events,
                         OneStreamFigures oneStream) {

    /** One test clip's outcome. */
    public record ClipResult(String clip, int frames, long anomalousFrames, Double auc, Double aucOnline) {
    }
}
