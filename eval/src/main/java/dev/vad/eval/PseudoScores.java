package dev.vad.eval;

/**
 * The frame scores of one held-out training clip made anomalous in one way.
 *
 * @param clip   the held-out clip's name
 * @param kind   the kind of pseudo-anomaly ({@link PseudoAnomaly#kind()})
 * @param scores its frame scores, under the pseudo clip's labels
 */
record PseudoScores(String clip, String kind, ClipScores scores) {
}
