package dev.vad.bench;

/**
 * The peer's figures for one case, or why there are none.
 *
 * @param measured         whether the peer ran
 * @param samplesPerSecond examples per second (NaN when not measured)
 * @param parameters       trained values of the peer's network (-1 when not measured)
 * @param version          the peer's version ("" when not measured)
 * @param note             the {@code name=value} line to print instead when not measured
 */
public record PeerResult(boolean measured, double samplesPerSecond, long parameters, String version, String note) {

    public static PeerResult of(double samplesPerSecond, long parameters, String version) {
        return new PeerResult(true, samplesPerSecond, parameters, version, "");
    }

    public static PeerResult skipped(String note) {
        return new PeerResult(false, Double.NaN, -1, "", note);
    }
}
