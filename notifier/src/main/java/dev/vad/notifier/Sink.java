package dev.vad.notifier;

import java.util.Optional;

/** Somewhere events go. An attempt blocks until the sink acknowledges, refuses or times out; it never throws. */
public interface Sink extends AutoCloseable {

    /** Short name for metrics, logs and dead-letter reasons: {@code webhook}, {@code mqtt}. */
    String name();

    /** One try to hand {@code notification} over, bounded by the sink's own time-out. */
    AttemptResult attempt(Notification notification);

    /**
     * Opens the sink's connection ahead of the first event, where it keeps one (MQTT); what went wrong when it
     * cannot. A sink without a lasting connection (the webhook) has nothing to check and returns empty.
     */
    default Optional<String> connect() {
        return Optional.empty();
    }

    @Override
    void close();
}
