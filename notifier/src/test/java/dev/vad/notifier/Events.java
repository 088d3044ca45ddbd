package dev.vad.notifier;

import dev.vad.common.wire.AnomalyEvent;

/** Anomaly events for tests. */
final class Events {

    private Events() {
    }

    static AnomalyEvent of(String eventId, AnomalyEvent.Phase phase, String streamId, long lastFrame) {
        return new AnomalyEvent(AnomalyEvent.PLAIN_VERSION, eventId, phase, AnomalyEvent.Kind.ANOMALY, streamId, 100,
                lastFrame, 4_000_000, 4_000_000 + (lastFrame - 100) * 40_000, 7.5, 104, "conv3d", 3,
                1_780_000_000_000_000L + lastFrame);
    }
}
