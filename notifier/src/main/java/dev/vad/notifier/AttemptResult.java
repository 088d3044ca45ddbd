package dev.vad.notifier;

/**
 * How one attempt to hand an event to a sink went.
 *
 * @param outcome delivered, failed (worth another try) or rejected (the receiver refused this event for good)
 * @param detail  what happened, for logs and the dead letter; never a secret
 */
public record AttemptResult(Outcome outcome, String detail) {

    public static AttemptResult delivered(String detail) {
        return new AttemptResult(Outcome.DELIVERED, detail);
    }

    public static AttemptResult failed(String detail) {
        return new AttemptResult(Outcome.FAILED, detail);
    }

    public static AttemptResult rejected(String detail) {
        return new AttemptResult(Outcome.REJECTED, detail);
    }

    /** What an attempt came to. */
    public enum Outcome {
        /** The sink acknowledged the event. */
        DELIVERED,
        /** Not delivered this time; another try may succeed. */
        FAILED,
        /** Refused in a way another try of the same event will not change. */
        REJECTED
    }
}
