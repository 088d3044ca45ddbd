package dev.vad.notifier;

import dev.vad.common.wire.AnomalyEvent;
import java.util.Objects;

/**
 * One event to deliver: the decoded record, for routing, and its JSON exactly as read from the topic, which is
 * what every sink sends.
 *
 * @param event      the decoded event
 * @param body       the record's value, the event's JSON
 * @param deliveryId the same for every delivery of this record, however often it is retried or redelivered
 *                   ({@code <topic>-<partition>-<offset>}): a receiver's key to drop repeats
 */
public record Notification(AnomalyEvent event, byte[] body, String deliveryId) {

    public Notification {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(deliveryId, "deliveryId");
    }
}
