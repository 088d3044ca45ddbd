package dev.vad.common.metrics;

/** A service's health verdict for {@code /health}: healthy or not, and why in one line. */
public record Health(boolean healthy, String reason) {

    public static Health ok() {
        return new Health(true, "ok");
    }

    public static Health failing(String reason) {
        return new Health(false, reason);
    }
}
