package dev.vad.notifier;

/** Somewhere events go. An attempt blocks until the sink acknowledges, refuses or times out; it never throws. */
public interface Sink extends AutoCloseable {

    /** Short name for metrics, logs and dead-letter reasons: {@code webhook}, {@code mqtt}. */
    String name();

    /** One try to hand {@code notification} over, bounded by the sink's own time-out. */
    AttemptResult attempt(Notification notification);

    @Override
    void close();
}
