package dev.vad.core.score;

import dev.vad.common.wire.MaskPoint;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * A camera's ignore masks at one frame size: the pixels whose centres fall inside any of its polygons (corners in
 * fractions of the frame), as row-major flags.
 */
public final class IgnoreMask {

    private IgnoreMask() {
    }

    /** The ignored pixels of a {@code width x height} frame, or null when {@code polygons} is empty. */
    public static boolean[] pixels(List<List<MaskPoint>> polygons, int width, int height) {
        if (polygons.isEmpty()) {
            return null;
        }
        List<Path2D.Double> shapes = polygons.stream().map(p -> shape(p, width, height)).toList();
        boolean[] out = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double cx = x + 0.5;
                double cy = y + 0.5;
                out[y * width + x] = shapes.stream().anyMatch(s -> s.contains(cx, cy));
            }
        }
        return out;
    }

    private static Path2D.Double shape(List<MaskPoint> polygon, int width, int height) {
        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(polygon.get(0).x() * width, polygon.get(0).y() * height);
        for (MaskPoint corner : polygon.subList(1, polygon.size())) {
            shape.lineTo(corner.x() * width, corner.y() * height);
        }
        shape.closePath();
        return shape;
    }
}
