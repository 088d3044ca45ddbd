package dev.vad.ingest.cameras;

import dev.vad.ingest.window.TailPolicy;
import dev.vad.ingest.window.WindowShape;

/**
 * How an ingest instance follows the camera registry instead of sources of its own.
 *
 * @param groupId      consumer group the instances sharing the registry's cameras join
 * @param strideFrames frames between window starts of every camera, at most its window; null: the camera's window
 *                     (no overlap)
 * @param tail         the frames after a file camera's last window
 */
public record CameraFollowing(String groupId, Integer strideFrames, TailPolicy tail) {

    /** The windows of a camera whose record asks for {@code windowFrames} frames per window. */
    public WindowShape shape(int windowFrames) {
        int stride = strideFrames == null ? windowFrames : Math.min(strideFrames, windowFrames);
        return new WindowShape(windowFrames, stride, tail);
    }
}
