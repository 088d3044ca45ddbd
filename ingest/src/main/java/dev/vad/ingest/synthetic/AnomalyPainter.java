package dev.vad.ingest.synthetic;

/**
 * Draws an injected anomaly into a frame. Each occurrence's choices (lane, column, direction, coat, lighting) are
 * hashed from the seed and its first frame, and its path is fitted to its frames so that its object is in view
 * from its first frame to its last.
 */
final class AnomalyPainter {

    private final SceneGeometry geometry;
    private final long base;

    AnomalyPainter(SceneSettings settings, SceneGeometry geometry) {
        this.geometry = geometry;
        this.base = SeededHash.next(settings.seed(), SeededHash.ANOMALY);
    }

    void draw(Canvas canvas, InjectedAnomaly anomaly, long frameIndex) {
        long t = frameIndex - anomaly.firstFrame();
        switch (anomaly.kind()) {
            case ODD_SHAPE -> drawCart(canvas, path(anomaly), t);
            case FAST_OBJECT, WRONG_DIRECTION -> drawWalker(canvas, path(anomaly), t, coat(anomaly));
            case GLOBAL_CHANGE -> {
                // lighting only, see exposure
            }
        }
    }

    Exposure exposure(InjectedAnomaly anomaly) {
        if (anomaly.kind() != InjectedAnomaly.Kind.GLOBAL_CHANGE) {
            return Exposure.NEUTRAL;
        }
        return SeededHash.below(own(anomaly), 0, 2) == 0 ? Exposure.FLOODLIT : Exposure.DUSK;
    }

    /** The path of the anomaly's object; a still path for {@link InjectedAnomaly.Kind#GLOBAL_CHANGE}. */
    private ActorPath path(InjectedAnomaly anomaly) {
        long own = own(anomaly);
        long frames = anomaly.lengthFrames();
        return switch (anomaly.kind()) {
            case ODD_SHAPE -> lanePath(own, frames, geometry.walkSpeed(), geometry.cartSide() / 2,
                    geometry.cartSide() / 2);
            case FAST_OBJECT -> lanePath(own, frames, geometry.walkSpeed() * SceneGeometry.FAST_FACTOR,
                    geometry.bodyRadiusX(), geometry.bodyRadiusY());
            case WRONG_DIRECTION -> crossingPath(own, frames);
            case GLOBAL_CHANGE -> new ActorPath(0, 0, 0, 0);
        };
    }

    /** Along a seeded lane, in that lane's direction. */
    private ActorPath lanePath(long own, long frames, double speed, double halfWidth, double halfHeight) {
        int lane = SeededHash.below(own, 1, SceneGeometry.LANES);
        double velocity = speed * geometry.laneDirection(lane);
        double y = Math.max(halfHeight, Math.min(geometry.height() - halfHeight, geometry.laneY(lane)));
        double x = ActorPath.fitStart(geometry.width(), halfWidth, velocity, frames, SeededHash.unit(own, 2));
        return new ActorPath(x, y, velocity, 0);
    }

    /** Straight up or down a seeded column at walking speed. */
    private ActorPath crossingPath(long own, long frames) {
        double velocity = geometry.walkSpeed() * (SeededHash.below(own, 3, 2) == 0 ? 1 : -1);
        double margin = geometry.bodyRadiusX() + 1;
        double x = margin + SeededHash.unit(own, 4) * (geometry.width() - 2 * margin);
        double y = ActorPath.fitStart(geometry.height(), geometry.bodyRadiusY() + 1, velocity, frames,
                SeededHash.unit(own, 5));
        return new ActorPath(x, y, 0, velocity);
    }

    private void drawWalker(Canvas canvas, ActorPath path, long t, Rgb coat) {
        double x = path.x(t, geometry.width());
        double y = path.y(t, geometry.height());
        forEachCopy(x, y, (cx, cy) -> canvas.fillEllipse(cx, cy, geometry.bodyRadiusX(), geometry.bodyRadiusY(),
                coat));
    }

    /** A bright square with a dark cross on it. */
    private void drawCart(Canvas canvas, ActorPath path, long t) {
        double half = geometry.cartSide() / 2;
        double bar = Math.max(1.0, half / 6);
        forEachCopy(path.x(t, geometry.width()), path.y(t, geometry.height()), (cx, cy) -> {
            canvas.fillRect(cx, cy, half, half, Rgb.CART);
            canvas.fillRect(cx, cy, half * 0.75, bar, Rgb.CART_CROSS);
            canvas.fillRect(cx, cy, bar, half * 0.75, Rgb.CART_CROSS);
        });
    }

    /** Draws at (x, y) and at the copies one frame width or height away, so a wrapping object shows on both edges. */
    private void forEachCopy(double x, double y, Stamp stamp) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                stamp.at(x + dx * geometry.width(), y + dy * geometry.height());
            }
        }
    }

    private Rgb coat(InjectedAnomaly anomaly) {
        return Rgb.COATS[SeededHash.below(own(anomaly), 6, Rgb.COATS.length)];
    }

    private long own(InjectedAnomaly anomaly) {
        return SeededHash.next(base, anomaly.firstFrame());
    }

    @FunctionalInterface
    private interface Stamp {
        void at(double centreX, double centreY);
    }
}
