package dev.vad.core.score;

import dev.vad.common.wire.Camera;
import dev.vad.common.wire.MaskPoint;
import java.util.List;

/**
 * What a stream's camera asks of the scorer beyond its settings: its own threshold, and regions that count in no
 * score.
 *
 * @param threshold   calibrated score at or above which a frame is anomalous, or null for the scorer's
 * @param ignoreMasks polygons, corners in fractions of the frame, whose pixels count in no score
 */
public record StreamRule(Double threshold, List<List<MaskPoint>> ignoreMasks) {

    /** A stream without a camera, or a camera that asks nothing. */
    public static final StreamRule NONE = new StreamRule(null, List.of());

    public StreamRule {
        ignoreMasks = ignoreMasks.stream().map(List::copyOf).toList();
    }

    /** What {@code camera}'s record asks. */
    public static StreamRule of(Camera camera) {
        return new StreamRule(camera.threshold(), camera.ignoreMasks());
    }
}
