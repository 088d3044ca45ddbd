package dev.vad.ingest.cameras;

import dev.vad.common.camera.CameraRules;
import dev.vad.common.config.ConfigProblem;
import dev.vad.common.wire.Camera;
import dev.vad.common.wire.CameraColour;
import dev.vad.common.wire.PixelFormat;
import dev.vad.ingest.StreamPlan;
import dev.vad.ingest.StreamPolicy;
import dev.vad.ingest.source.AspectPolicy;
import dev.vad.ingest.source.FrameGeometry;
import dev.vad.ingest.source.SourceKind;
import dev.vad.ingest.source.SourceUri;
import dev.vad.ingest.source.SyntheticSource;
import dev.vad.ingest.window.WindowShape;
import java.util.ArrayList;
import java.util.List;

/**
 * What ingest reads for one camera of the registry: the fields of its record that change the windows (source, size,
 * colour, rate, window). Two cameras that differ only in fields ingest does not use (threshold, preset, masks) are
 * equal, so changing those restarts no stream.
 *
 * @param cameraId the camera's id, its stream id
 * @param source   its source
 * @param geometry the size and colour its frames are converted to
 * @param shape    its windows
 * @param fps      the rate its frames are sampled at, or null for the source's own
 */
public record CameraStream(String cameraId, SourceUri source, FrameGeometry geometry, WindowShape shape, Double fps) {

    /** The stream of a camera that has no {@link #problems problems}. */
    public static CameraStream of(Camera camera, AspectPolicy aspect, CameraFollowing following) {
        return new CameraStream(camera.cameraId(), SourceUri.parse(camera.source()), geometry(camera, aspect),
                following.shape(camera.windowFrames()), camera.fps());
    }

    private static FrameGeometry geometry(Camera camera, AspectPolicy aspect) {
        PixelFormat format = camera.colour() == CameraColour.RGB ? PixelFormat.RGB24 : PixelFormat.GRAY8;
        return new FrameGeometry(camera.width(), camera.height(), format, aspect);
    }

    /**
     * Everything that keeps a camera from being read: the record's own rules, a source ingest does not read and
     * synthetic-scene parameters that do not fit the camera (sources shown with their credentials redacted).
     */
    public static List<ConfigProblem> problems(Camera camera) {
        List<ConfigProblem> out = new ArrayList<>(CameraRules.problems(camera));
        if (camera.source().isBlank()) {
            return out;
        }
        boolean sizeFits = out.isEmpty();
        try {
            SourceUri uri = SourceUri.parse(camera.source());
            if (uri.kind() == SourceKind.SYNTHETIC && sizeFits) {
                SyntheticSource.settings(uri, geometry(camera, AspectPolicy.STRETCH));
            }
        } catch (IllegalArgumentException e) {
            out.add(new ConfigProblem("camera " + camera.cameraId() + ": source", "'"
                    + SourceUri.redact(camera.source()) + "' (" + SourceUri.redact(e.getMessage()) + ")",
                    "a source ingest reads (docs/sources.md)"));
        }
        return out;
    }

    /** The plan of this camera's stream under {@code policy}. */
    public StreamPlan plan(StreamPolicy policy) {
        return policy.plan(cameraId, source);
    }

    @Override
    public String toString() {
        return "camera " + cameraId + " (" + source.shown() + ", " + geometry.width() + "x" + geometry.height() + " "
                + geometry.pixelFormat() + ", " + shape.frames() + " frames per window"
                + (fps == null ? "" : ", " + fps + " fps") + ")";
    }
}
