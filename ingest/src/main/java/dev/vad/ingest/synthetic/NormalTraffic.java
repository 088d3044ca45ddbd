package dev.vad.ingest.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The normal activity: walkers on the four lanes, each at a steady seeded speed within 15 % of the nominal walking
 * speed, in its lane's direction, leaving the frame on one side and coming back on the other. Their seeded phases
 * spread them along the lanes, so that several are visible at any time.
 */
final class NormalTraffic {

    private final SceneGeometry geometry;
    private final List<Walker> walkers;

    /** One walker: where it is at frame 0 on its looped track, its signed speed, its coat. */
    private record Walker(double startX, double centreY, double speed, Rgb coat) {
    }

    NormalTraffic(SceneSettings settings, SceneGeometry geometry) {
        this.geometry = geometry;
        this.walkers = walkers(settings, geometry);
    }

    private static List<Walker> walkers(SceneSettings settings, SceneGeometry geometry) {
        long base = SeededHash.next(settings.seed(), SeededHash.WALKERS);
        double track = trackLength(geometry);
        List<Walker> walkers = new ArrayList<>(settings.objects());
        for (int i = 0; i < settings.objects(); i++) {
            long own = SeededHash.next(base, i);
            int lane = i % SceneGeometry.LANES;
            double laneOffset = (SeededHash.unit(own, 1) - 0.5) * 0.4 * geometry.bodyRadiusY();
            double speed = geometry.walkSpeed() * (0.85 + 0.3 * SeededHash.unit(own, 2));
            Rgb coat = Rgb.COATS[SeededHash.below(own, 3, Rgb.COATS.length)];
            walkers.add(new Walker(SeededHash.unit(own, 0) * track, geometry.laneY(lane) + laneOffset,
                    speed * geometry.laneDirection(lane), coat));
        }
        return List.copyOf(walkers);
    }

    /** The loop a walker goes round: the frame width plus room to be wholly outside on each side. */
    private static double trackLength(SceneGeometry geometry) {
        return geometry.width() + 2 * margin(geometry);
    }

    private static double margin(SceneGeometry geometry) {
        return geometry.bodyRadiusX() + 2;
    }

    void draw(Canvas canvas, long frameIndex) {
        double track = trackLength(geometry);
        for (Walker walker : walkers) {
            double along = walker.startX() + walker.speed() * frameIndex;
            double x = along - track * Math.floor(along / track) - margin(geometry);
            canvas.fillEllipse(x, walker.centreY(), geometry.bodyRadiusX(), geometry.bodyRadiusY(), walker.coat());
        }
    }
}
