package dev.vad.notifier;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.WireCodec;
import dev.vad.common.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of one record of the events topic: decoded and delivered to every sink, each under the retry
 * schedule. A record that does not decode, and each sink that gives up on an event, yield a dead letter. Nothing
 * here knows Kafka; the service sends the dead letters and commits.
 */
public final class Dispatcher {

    private final WireCodec<AnomalyEvent> codec;
    private final List<Sink> sinks;
    private final Delivery delivery;

    public Dispatcher(WireCodec<AnomalyEvent> codec, List<Sink> sinks, Delivery delivery) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a notifier needs at least one sink");
        }
        this.codec = codec;
        this.sinks = List.copyOf(sinks);
        this.delivery = delivery;
    }

    /**
     * Delivers one record's value.
     *
     * @param deliveryId the record's place ({@code <topic>-<partition>-<offset>})
     */
    public Verdict dispatch(byte[] value, String deliveryId) throws InterruptedException {
        AnomalyEvent event;
        try {
            event = codec.decode(value == null ? new byte[0] : value);
        } catch (WireFormatException e) {
            return new Verdict(true, List.of(new DeadLetterReason("decode", e.getMessage())));
        }
        Notification notification = new Notification(event, value, deliveryId);
        List<DeadLetterReason> letters = new ArrayList<>();
        for (Sink sink : sinks) {
            Delivery.Result result = delivery.deliver(sink, notification);
            switch (result.status()) {
                case STOPPED -> {
                    return new Verdict(false, List.of());
                }
                case GAVE_UP -> letters.add(new DeadLetterReason(result.reason(), result.detail()));
                case DELIVERED -> {
                }
            }
        }
        return new Verdict(true, letters);
    }

    /**
     * @param done    true when every sink is through with the record (delivered, or a dead letter is due); false
     *                when the service stopped first, so the record is to be read again
     * @param letters the dead letters to send before the record's offset may be committed
     */
    public record Verdict(boolean done, List<DeadLetterReason> letters) {
    }

    /** A dead letter due: its reason code and detail. */
    public record DeadLetterReason(String reason, String detail) {
    }
}
